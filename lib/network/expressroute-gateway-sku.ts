/**
 * An ExpressRoute gateway SKU. Use the static members; `ExpressRouteGatewaySku.of(name)` takes any
 * name and lets validation say whether it is usable.
 */
export class ExpressRouteGatewaySku {
  /** The library's default: zone-redundant, about 1 Gbps. */
  public static readonly ERGW1_AZ = new ExpressRouteGatewaySku('ErGw1AZ');
  /** Zone-redundant, about 2 Gbps. */
  public static readonly ERGW2_AZ = new ExpressRouteGatewaySku('ErGw2AZ');
  /** Zone-redundant, about 10 Gbps; supports FastPath. */
  public static readonly ERGW3_AZ = new ExpressRouteGatewaySku('ErGw3AZ');

  /** Any SKU by its Azure name; validated when the gateway is built. */
  public static of(name: string): ExpressRouteGatewaySku {
    return new ExpressRouteGatewaySku(name);
  }

  private constructor(
    /** The SKU's Azure name, e.g. `ErGw1AZ`. */
    public readonly name: string,
  ) {}
}

/** Legacy ExpressRoute gateway SKUs, tied to Basic public IPs. */
export const LEGACY_EXPRESSROUTE_SKUS = ['Standard', 'HighPerformance', 'UltraPerformance'];
/** ExpressRoute gateway SKUs the library accepts. */
export const VALID_EXPRESSROUTE_SKUS = ['ErGw1AZ', 'ErGw2AZ', 'ErGw3AZ'];
