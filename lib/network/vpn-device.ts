/**
 * The on-premises VPN device a site connects to: by its public IPv4 address or by its FQDN
 * (for devices behind dynamic addresses). A Terraform expression is accepted for either.
 */
export class VpnDevice {
  /** A device reached at a public IPv4 address. */
  public static address(publicIp: string): VpnDevice {
    return new VpnDevice(publicIp, undefined);
  }

  /** A device reached by a fully qualified domain name. */
  public static fqdn(name: string): VpnDevice {
    return new VpnDevice(undefined, name);
  }

  private constructor(
    /** Public IPv4 address of the device (`gateway_address`), when given by address. */
    public readonly gatewayAddress: string | undefined,
    /** FQDN of the device (`gateway_fqdn`), when given by name. */
    public readonly gatewayFqdn: string | undefined,
  ) {}
}
