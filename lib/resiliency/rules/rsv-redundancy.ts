import { defineRule, fails, isExpression, RuleLevel } from '../../core/rule';

const APRL = 'Azure/Azure-Proactive-Resiliency-Library-v2';

const GOOD = ['GeoRedundant', 'ZoneRedundant'];

/** Vault storage GeoRedundant or ZoneRedundant (azurerm default GeoRedundant). */
export const RSV_REDUNDANCY = defineRule({
  id: 'RSV-REDUNDANCY',
  level: RuleLevel.WARNING,
  description: 'A Recovery Services vault should store backups GeoRedundant or ZoneRedundant, not LocallyRedundant',
  source: `${APRL} azure-resources/RecoveryServices/vaults`,
  types: ['azurerm_recovery_services_vault'],
  check: (_type, body) => {
    const v = body.storage_mode_type;
    if (v === undefined || v === null || isExpression(v) || GOOD.includes(v)) return 'compliant';
    return fails('storage_mode_type', `storage_mode_type is ${JSON.stringify(v)}: backups live in one datacenter. Fix: use GeoRedundant (with cross_region_restore_enabled) or ZoneRedundant`);
  },
});
