/**
 * A VPN gateway SKU. Use the static members (`VpnGatewaySku.VPN_GW2_AZ`); `VpnGatewaySku.of(name)`
 * takes any name and lets validation say whether Azure still creates it.
 */
export class VpnGatewaySku {
  public static readonly VPN_GW1 = new VpnGatewaySku('VpnGw1');
  public static readonly VPN_GW2 = new VpnGatewaySku('VpnGw2');
  public static readonly VPN_GW3 = new VpnGatewaySku('VpnGw3');
  public static readonly VPN_GW4 = new VpnGatewaySku('VpnGw4');
  public static readonly VPN_GW5 = new VpnGatewaySku('VpnGw5');
  public static readonly VPN_GW1_AZ = new VpnGatewaySku('VpnGw1AZ');
  /** The library's default: zone-redundant, 1.25 Gbps aggregate in Generation2, BGP and active-active. */
  public static readonly VPN_GW2_AZ = new VpnGatewaySku('VpnGw2AZ');
  public static readonly VPN_GW3_AZ = new VpnGatewaySku('VpnGw3AZ');
  public static readonly VPN_GW4_AZ = new VpnGatewaySku('VpnGw4AZ');
  public static readonly VPN_GW5_AZ = new VpnGatewaySku('VpnGw5AZ');

  /** Any SKU by its Azure name; validated when the gateway is built. */
  public static of(name: string): VpnGatewaySku {
    return new VpnGatewaySku(name);
  }

  private constructor(
    /** The SKU's Azure name, e.g. `VpnGw2AZ`. */
    public readonly name: string,
  ) {}

  /** True for zone-redundant (AZ) SKUs. */
  public get zoneRedundant(): boolean {
    // `of(undefined)` from JavaScript: the gateway refuses it (PROP-REQUIRED), never a TypeError here.
    return typeof this.name === 'string' && this.name.endsWith('AZ');
  }

  /** True for the SKUs that exist only in Generation2 (VpnGw4/5 and their AZ forms). */
  public get generation2Only(): boolean {
    return /^VpnGw[45](AZ)?$/.test(this.name);
  }

  /**
   * Aggregate IPsec throughput in Mbps Azure quotes for the SKU in a generation (for bandwidth
   * alerts); undefined for SKUs that do not exist in that generation.
   * Source: MicrosoftDocs/azure-docs includes/vpn-gateway-table-gwtype-aggtput-include.md.
   */
  public throughputMbps(generation: string): number | undefined {
    const match = /^VpnGw([1-5])(AZ)?$/.exec(this.name);
    if (!match) return undefined;
    const table: Record<string, (number | undefined)[]> = {
      Generation1: [650, 1000, 1250, undefined, undefined],
      Generation2: [undefined, 1250, 2500, 5000, 10000],
    };
    return table[generation]?.[Number(match[1]) - 1];
  }
}

/** SKUs Azure no longer creates: the one list lives with its rule. */
export { LEGACY_VPN_SKUS } from './rules/vpn-sku-legacy';
/** Every SKU the library accepts. */
export const VALID_VPN_SKUS = [1, 2, 3, 4, 5].flatMap((n) => [`VpnGw${n}`, `VpnGw${n}AZ`]);
