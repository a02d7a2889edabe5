// Azure public-cloud regions (`az account list-locations --query "[].name"`), lowercase names.
// Display names ("West Europe") are accepted too: Azure and the provider normalise them.
const REGIONS = new Set([
  'australiacentral', 'australiacentral2', 'australiaeast', 'australiasoutheast', 'austriaeast', 'belgiumcentral', 'brazilsouth', 'brazilsoutheast',
  'canadacentral', 'canadaeast', 'centralindia', 'centralus', 'centraluseuap', 'chilecentral', 'denmarkeast', 'eastasia', 'eastus', 'eastus2', 'eastus2euap',
  'francecentral', 'francesouth', 'germanynorth', 'germanywestcentral', 'indonesiacentral', 'israelcentral', 'italynorth', 'japaneast', 'japanwest',
  'jioindiacentral', 'jioindiawest', 'koreacentral', 'koreasouth', 'malaysiawest', 'mexicocentral', 'newzealandnorth', 'northcentralus', 'northeurope',
  'norwayeast', 'norwaywest', 'polandcentral', 'qatarcentral', 'southafricanorth', 'southafricawest', 'southcentralus', 'southeastasia', 'southindia',
  'spaincentral', 'swedencentral', 'swedensouth', 'switzerlandnorth', 'switzerlandwest', 'uaecentral', 'uaenorth', 'uksouth', 'ukwest', 'westcentralus',
  'westeurope', 'westindia', 'westus', 'westus2', 'westus3',
  // Sovereign clouds (Azure Government, Azure operated by 21Vianet).
  'usgovarizona', 'usgovtexas', 'usgovvirginia', 'usdodcentral', 'usdodeast', 'chinaeast', 'chinaeast2', 'chinaeast3', 'chinanorth', 'chinanorth2', 'chinanorth3',
]);

/** The canonical name of a region given as `westeurope` or `West Europe`. */
export function regionName(value: string): string {
  return value.replace(/\s+/g, '').toLowerCase();
}

/** True for an Azure region name, in either spelling. */
export function isAzureRegion(value: string): boolean {
  return typeof value === 'string' && value.length <= 40 && REGIONS.has(regionName(value));
}
