import { defineRule, fails, isExpression, RuleLevel } from '../../core/rule';

const APRL = 'Azure/Azure-Proactive-Resiliency-Library-v2';

/**
 * Vault storage GeoRedundant or ZoneRedundant (azurerm default GeoRedundant). Only
 * `LocallyRedundant` breaks it: a value azurerm does not know (`Foo`) is not a redundancy this rule
 * can judge (terraform validate refuses it; `RecoveryServicesVault` refuses it as RSV-SETTINGS).
 */
export const RSV_REDUNDANCY = defineRule({
  id: 'RSV-REDUNDANCY',
  level: RuleLevel.WARNING,
  description: 'A Recovery Services vault should store backups GeoRedundant or ZoneRedundant, not LocallyRedundant',
  source: `${APRL} azure-resources/RecoveryServices/vaults`,
  types: ['azurerm_recovery_services_vault'],
  check: (_type, body) => {
    const v = body.storage_mode_type;
    if (v === undefined || v === null || isExpression(v) || v === 'GeoRedundant' || v === 'ZoneRedundant') return 'compliant';
    if (v !== 'LocallyRedundant') return 'not-applicable';
    return fails('storage_mode_type', `storage_mode_type is ${JSON.stringify(v)}: backups live in one datacenter. Fix: use GeoRedundant (with cross_region_restore_enabled) or ZoneRedundant`);
  },
});
