import { Token } from 'cdktf';
import { ClusterWitness } from './cluster-witness';
import * as D from './defaults';
import { InfrastructureNetwork, IpAllocationMethod, LogicalNetworkOptions, NetworkIntent, StorageNetwork, TrafficType } from './types';
import { AzureLocalMachine } from './types';
import { cidrContainsAddress, ipv4ToBigInt, isIpv4Address, parseCidr } from '../../core/cidr';
import { ProblemCollector } from '../../core/errors';
import {
  AZL_CLUSTER_NAME, AZL_DOMAIN, AZL_INFRA_POOL, AZL_INTENT_ADAPTERS, AZL_INTENT_TRAFFIC, AZL_LOGICAL_NETWORK, AZL_NAME_PREFIX, AZL_NODE, AZL_NODE_COUNT,
  AZL_RESERVED_RANGE, AZL_SECRETS_LOCATION, AZL_STORAGE_NETWORK, AZL_SWITCHLESS_INTENTS, AZL_SWITCHLESS_NODES, AZL_VERSION, AZL_WITNESS,
} from '../rules/azure-local';
import { SWITCHLESS_MAX_NODES } from '../rules/azl-switchless-nodes';

/** A literal string (not a token), for checks that need the value. */
export const known = (v: unknown): v is string => typeof v === 'string' && !Token.isUnresolved(v);

const RESERVED = D.RESERVED_RANGES.map((r) => parseCidr(r)!);
const reservedHit = (ip: string): string | undefined => D.RESERVED_RANGES.find((_r, i) => isIpv4Address(ip) && cidrContainsAddress(RESERVED[i], ip));

/** Refuses an address (or prefix) in the ranges reserved for the resource bridge and AKS. */
export function checkReserved(problems: ProblemCollector, prop: string, value: string | undefined): void {
  if (!known(value)) return;
  const range = value.includes('/') ? parseCidr(value) : undefined;
  const hit = range
    ? D.RESERVED_RANGES.find((_r, i) => range.first <= RESERVED[i].last && RESERVED[i].first <= range.last)
    : reservedHit(value);
  problems.check(hit !== undefined, AZL_RESERVED_RANGE, prop, value, `falls in ${hit}, reserved for the Arc resource bridge and AKS`, 'use addresses outside 10.96.0.0/12 and 10.244.0.0/16 (e.g. 192.168.x.x, 172.16-31.x.x, 10.0-95.x.x)');
}

/** The machines: 1-16, unique names (host names), IPv4 addresses. */
export function checkMachines(problems: ProblemCollector, machines: AzureLocalMachine[] | undefined, switchless: boolean): void {
  if (problems.required('machines', machines, 'array') || problems.literal('machines', machines, 'each machine has its own Arc machine lookup and role assignments')) return;
  const list = machines!;
  problems.check(list.length < 1 || list.length > 16, AZL_NODE_COUNT, 'machines', list.length, 'an Azure Local instance has 1 to 16 machines', 'give 1 to 16 machines');
  problems.check(switchless && list.length > SWITCHLESS_MAX_NODES, AZL_SWITCHLESS_NODES, 'switchlessStorage', true, `switchless storage with ${list.length} machines: supported up to ${SWITCHLESS_MAX_NODES}`, 'cable storage through a network switch (switchlessStorage: false)');
  const names = new Set<string>();
  const ips = new Set<string>();
  list.forEach((m, i) => {
    if (problems.required(`machines[${i}]`, m, 'object')) return;
    problems.required(`machines[${i}].name`, m.name, 'string');
    problems.literal(`machines[${i}].name`, m.name, 'the name keys the machine\'s resources');
    problems.check(known(m.name) && !/^[A-Za-z0-9][A-Za-z0-9-]{0,14}$/.test(m.name), AZL_NODE, `machines[${i}].name`, m.name, 'a host name is 1-15 letters, digits or "-"', 'use the Windows computer name of the machine');
    problems.check(known(m.name) && names.has(m.name.toLowerCase()), AZL_NODE_COUNT, `machines[${i}].name`, m.name, 'each machine is named once', 'remove the duplicate');
    problems.ipv4(AZL_NODE, `machines[${i}].ipv4Address`, m.ipv4Address);
    problems.check(known(m.ipv4Address) && ips.has(m.ipv4Address), AZL_NODE, `machines[${i}].ipv4Address`, m.ipv4Address, 'two machines have the same address', 'give each machine its own management address');
    checkReserved(problems, `machines[${i}].ipv4Address`, m.ipv4Address);
    if (known(m.name)) names.add(m.name.toLowerCase());
    if (known(m.ipv4Address)) ips.add(m.ipv4Address);
  });
}

/** Network intents and storage networks. */
export function checkIntents(problems: ProblemCollector, intents: NetworkIntent[] | undefined, storageNetworks: StorageNetwork[] | undefined, switchless: boolean): void {
  if (problems.required('intents', intents, 'array') || problems.literal('intents', intents, 'each intent is a block of the deployment')) return;
  const list = intents!;
  const count = (t: TrafficType) => list.filter((i) => (i?.trafficTypes ?? []).includes(t)).length;
  const allowed = Object.values(TrafficType) as string[];
  problems.check(list.length < 1 || list.length > 3, AZL_INTENT_TRAFFIC, 'intents', list.length, 'an instance has one to three network intents', 'group traffic into one to three intents');
  problems.check(count(TrafficType.MANAGEMENT) !== 1, AZL_INTENT_TRAFFIC, 'intents', count(TrafficType.MANAGEMENT), 'exactly one intent carries Management traffic', 'put Management in one intent');
  problems.check(count(TrafficType.STORAGE) > 1, AZL_INTENT_TRAFFIC, 'intents', count(TrafficType.STORAGE), 'at most one intent carries Storage traffic', 'put Storage in one intent');
  problems.check(count(TrafficType.COMPUTE) < 1, AZL_INTENT_TRAFFIC, 'intents', 0, 'no intent carries Compute traffic: VMs would have no network', 'add Compute to an intent');
  const seen = new Map<string, string>();
  list.forEach((intent, i) => {
    if (problems.required(`intents[${i}]`, intent, 'object')) return;
    problems.required(`intents[${i}].name`, intent.name, 'string');
    if (problems.required(`intents[${i}].adapters`, intent.adapters, 'array') || problems.required(`intents[${i}].trafficTypes`, intent.trafficTypes, 'array')) return;
    problems.check(intent.adapters.length === 0, AZL_INTENT_ADAPTERS, `intents[${i}].adapters`, intent.adapters, 'an intent needs at least one adapter (two for fault tolerance)', 'list the adapters');
    problems.check(intent.trafficTypes.length === 0, AZL_INTENT_TRAFFIC, `intents[${i}].trafficTypes`, intent.trafficTypes, 'an intent carries at least one traffic type', 'give Management, Compute or Storage');
    intent.trafficTypes.forEach((t, j) => problems.oneOf(AZL_INTENT_TRAFFIC, `intents[${i}].trafficTypes[${j}]`, t as string, allowed));
    for (const a of intent.adapters) {
      if (!known(a)) continue;
      const other = seen.get(a.toLowerCase());
      problems.check(other !== undefined && other !== intent.name, AZL_INTENT_ADAPTERS, `intents[${i}].adapters`, a, `adapter ${a} is already in intent ${other}`, 'give each intent its own adapters');
      seen.set(a.toLowerCase(), intent.name);
    }
    const carriesStorage = intent.trafficTypes.includes(TrafficType.STORAGE);
    problems.check(switchless && carriesStorage && intent.trafficTypes.length > 1, AZL_SWITCHLESS_INTENTS, `intents[${i}].trafficTypes`, intent.trafficTypes, 'with switchless storage the Storage intent carries Storage only (the crossover links reach no switch)', 'put Management and Compute in another intent');
  });
  problems.check(switchless && list.length < 2, AZL_SWITCHLESS_INTENTS, 'intents', list.length, 'switchless storage needs at least two intents', 'add a Storage-only intent on the crossover adapters');
  checkStorageNetworks(problems, list.find((i) => i?.trafficTypes?.includes(TrafficType.STORAGE)), storageNetworks);
}

function checkStorageNetworks(problems: ProblemCollector, storageIntent: NetworkIntent | undefined, networks: StorageNetwork[] | undefined): void {
  if (problems.type('storageNetworks', networks, 'array') || problems.literal('storageNetworks', networks, 'each is a block of the deployment')) return;
  const adapters = (storageIntent?.adapters ?? []).filter(known).map((a) => a.toLowerCase());
  const list = networks ?? [];
  problems.check(storageIntent !== undefined && list.length === 0, AZL_STORAGE_NETWORK, 'storageNetworks', list, 'the Storage intent needs one storage network per adapter', `add a storage network for each of ${storageIntent?.adapters?.join(', ')}`);
  list.forEach((n, i) => {
    if (problems.required(`storageNetworks[${i}]`, n, 'object')) return;
    problems.required(`storageNetworks[${i}].name`, n.name, 'string');
    problems.check(known(n.adapterName) && !adapters.includes(n.adapterName.toLowerCase()), AZL_STORAGE_NETWORK, `storageNetworks[${i}].adapterName`, n.adapterName, 'not an adapter of the Storage intent', `use one of ${adapters.join(', ') || '(no Storage intent)'}`);
    problems.integer(AZL_STORAGE_NETWORK, `storageNetworks[${i}].vlanId`, n.vlanId, 0, 4094);
  });
}

/** The management network: addresses, pool size, reserved ranges. */
export function checkInfrastructure(problems: ProblemCollector, net: InfrastructureNetwork | undefined, machineIps: string[]): void {
  if (problems.required('infrastructureNetwork', net, 'object')) return;
  const n = net!;
  problems.ipv4(AZL_INFRA_POOL, 'infrastructureNetwork.subnetMask', n.subnetMask);
  problems.ipv4(AZL_INFRA_POOL, 'infrastructureNetwork.gateway', n.gateway);
  problems.ipv4(AZL_INFRA_POOL, 'infrastructureNetwork.ipPoolStart', n.ipPoolStart);
  problems.ipv4(AZL_INFRA_POOL, 'infrastructureNetwork.ipPoolEnd', n.ipPoolEnd);
  if (!problems.required('infrastructureNetwork.dnsServers', n.dnsServers, 'array') && Array.isArray(n.dnsServers)) {
    problems.check(n.dnsServers.length === 0, AZL_INFRA_POOL, 'infrastructureNetwork.dnsServers', n.dnsServers, 'the machines need a DNS server (Active Directory DNS)', 'give at least one DNS server');
    n.dnsServers.forEach((d, i) => {
      problems.ipv4(AZL_INFRA_POOL, `infrastructureNetwork.dnsServers[${i}]`, d);
      checkReserved(problems, `infrastructureNetwork.dnsServers[${i}]`, d);
    });
  }
  for (const p of ['gateway', 'ipPoolStart', 'ipPoolEnd'] as const) checkReserved(problems, `infrastructureNetwork.${p}`, n[p]);
  const ok = (v: unknown): v is string => known(v) && isIpv4Address(v);
  if (!ok(n.ipPoolStart) || !ok(n.ipPoolEnd)) return;
  const start = ipv4ToBigInt(n.ipPoolStart);
  const end = ipv4ToBigInt(n.ipPoolEnd);
  const size = end - start + 1n;
  problems.check(size < BigInt(D.INFRA_POOL_MIN), AZL_INFRA_POOL, 'infrastructureNetwork.ipPoolEnd', n.ipPoolEnd, `the pool ${n.ipPoolStart}-${n.ipPoolEnd} has ${size < 0n ? 0 : size} addresses: at least ${D.INFRA_POOL_MIN} consecutive ones are needed`, `widen the pool to ${D.INFRA_POOL_MIN} addresses or more`);
  const inPool = (ip: string) => ok(ip) && ipv4ToBigInt(ip) >= start && ipv4ToBigInt(ip) <= end;
  problems.check(inPool(n.gateway), AZL_INFRA_POOL, 'infrastructureNetwork.gateway', n.gateway, 'the gateway is inside the infrastructure pool', 'keep the gateway out of the pool');
  machineIps.forEach((ip) => problems.check(inPool(ip), AZL_INFRA_POOL, 'infrastructureNetwork.ipPoolStart', ip, `machine address ${ip} is inside the infrastructure pool`, 'keep machine addresses out of the pool'));
  if (ok(n.subnetMask) && ok(n.gateway)) {
    const mask = ipv4ToBigInt(n.subnetMask);
    const net0 = ipv4ToBigInt(n.gateway) & mask;
    for (const [prop, ip] of [['ipPoolStart', n.ipPoolStart], ['ipPoolEnd', n.ipPoolEnd]] as const) {
      problems.check((ipv4ToBigInt(ip) & mask) !== net0, AZL_INFRA_POOL, `infrastructureNetwork.${prop}`, ip, `not in the management subnet of gateway ${n.gateway}/${n.subnetMask}`, 'use addresses of the management subnet');
    }
  }
}

/** Names, domain, version, witness and secrets location of the deployment. */
export function checkDeployment(problems: ProblemCollector, p: { clusterName?: string; namePrefix?: string; version?: string; domainFqdn?: string; organizationalUnitPath?: string; secretsLocation?: string; witness?: ClusterWitness }): void {
  problems.required('clusterName', p.clusterName, 'string');
  problems.check(known(p.clusterName) && !/^[a-zA-Z0-9-]{3,15}$/.test(p.clusterName), AZL_CLUSTER_NAME, 'clusterName', p.clusterName, 'the cluster name is 3-15 letters, digits or "-"', 'use a shorter name such as azl-paris-01');
  problems.required('namePrefix', p.namePrefix, 'string');
  problems.check(known(p.namePrefix) && !/^[a-zA-Z0-9-]{1,8}$/.test(p.namePrefix), AZL_NAME_PREFIX, 'namePrefix', p.namePrefix, 'the name prefix is 1-8 letters, digits or "-"', 'use the prefix given to New-HciAdObjectsPreCreation, 8 characters at most');
  problems.check(known(p.version) && !/^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/.test(p.version), AZL_VERSION, 'version', p.version, 'the version is four dot-separated numbers', 'use e.g. 10.0.0.0');
  problems.required('domainFqdn', p.domainFqdn, 'string');
  problems.dnsName(AZL_DOMAIN, 'domainFqdn', p.domainFqdn, true);
  problems.required('organizationalUnitPath', p.organizationalUnitPath, 'string');
  problems.check(known(p.organizationalUnitPath) && !/^OU=[^,]+(,(OU|DC)=[^,]+)*,DC=[^,]+$/i.test(p.organizationalUnitPath), AZL_DOMAIN, 'organizationalUnitPath', p.organizationalUnitPath, 'not an organizational unit distinguished name', 'use e.g. OU=AzureLocal,DC=contoso,DC=com');
  problems.required('secretsLocation', p.secretsLocation, 'string');
  problems.check(known(p.secretsLocation) && !/^https:\/\/[a-zA-Z0-9-]{3,24}\.vault\.[a-z.]+\/?$/.test(p.secretsLocation), AZL_SECRETS_LOCATION, 'secretsLocation', p.secretsLocation, 'not the https URI of a Key Vault', 'use the vault URI, e.g. https://kv-azl.vault.azure.net/');
  if (problems.required('witness', p.witness, 'object')) return;
  const w = p.witness!;
  problems.check(known(w.storageAccountName) && !/^[a-z0-9]{3,24}$/.test(w.storageAccountName), AZL_WITNESS, 'witness.storageAccountName', w.storageAccountName, 'a storage account name is 3-24 lowercase letters and digits', 'use the witness storage account name');
  problems.check(w.witnessType === 'FileShare' && known(w.path) && !/^\\\\[^\\]+\\[^\\]+/.test(w.path), AZL_WITNESS, 'witness.path', w.path, 'a file share witness is a UNC path', 'use \\\\server\\share');
}

/** A logical network's addressing. */
export function checkLogicalNetwork(problems: ProblemCollector, o: LogicalNetworkOptions): void {
  const method = o.ipAllocationMethod ?? IpAllocationMethod.STATIC;
  problems.oneOf(AZL_LOGICAL_NETWORK, 'ipAllocationMethod', method as string, Object.values(IpAllocationMethod) as string[]);
  problems.integer(AZL_LOGICAL_NETWORK, 'vlanId', o.vlanId, 0, 4094);
  problems.literal('ipPools', o.ipPools, 'each pool is a block');
  checkReserved(problems, 'addressPrefix', o.addressPrefix);
  if (method === IpAllocationMethod.DYNAMIC) {
    for (const p of ['addressPrefix', 'gateway', 'dnsServers', 'ipPools'] as const) problems.check(o[p] !== undefined, AZL_LOGICAL_NETWORK, p, o[p], 'a DHCP logical network takes its addressing from DHCP', `remove \`${p}\` or use IpAllocationMethod.STATIC`);
    return;
  }
  for (const p of ['addressPrefix', 'gateway', 'dnsServers'] as const) problems.check(o[p] === undefined, AZL_LOGICAL_NETWORK, p, undefined, `a static logical network needs \`${p}\``, `give \`${p}\``);
  const prefix = known(o.addressPrefix) ? parseCidr(o.addressPrefix) : undefined;
  problems.check(known(o.addressPrefix) && !prefix, AZL_LOGICAL_NETWORK, 'addressPrefix', o.addressPrefix, 'not an IPv4 CIDR', 'use e.g. 192.168.200.0/24');
  problems.ipv4(AZL_LOGICAL_NETWORK, 'gateway', o.gateway);
  (Array.isArray(o.dnsServers) ? o.dnsServers : []).forEach((d, i) => problems.ipv4(AZL_LOGICAL_NETWORK, `dnsServers[${i}]`, d));
  const inside = (ip: string | undefined) => !prefix || !known(ip) || !isIpv4Address(ip) || cidrContainsAddress(prefix, ip);
  problems.check(!inside(o.gateway), AZL_LOGICAL_NETWORK, 'gateway', o.gateway, `not inside ${o.addressPrefix}`, 'use a gateway of the prefix');
  (o.ipPools ?? []).forEach((pool, i) => {
    problems.ipv4(AZL_LOGICAL_NETWORK, `ipPools[${i}].start`, pool?.start);
    problems.ipv4(AZL_LOGICAL_NETWORK, `ipPools[${i}].end`, pool?.end);
    problems.check(!inside(pool?.start) || !inside(pool?.end), AZL_LOGICAL_NETWORK, `ipPools[${i}]`, pool, `the pool is not inside ${o.addressPrefix}`, 'use addresses of the prefix');
  });
}
