import { ProblemCollector } from '../core/errors';
import { STG_ZONE_LINK } from './rules';

/** The link name PrivateLink gives a zone link (`link-<name>`, lower case, other characters '-'). */
const linkName = (name: string): string => `link-${name.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`;

/**
 * The virtual networks a storage private DNS zone is linked to: the hub (always, as `Hub`) and
 * the user's further networks. A user entry cannot replace the hub's link (`Hub`), and two
 * entries cannot give the same link name (`hub`, `a b` / `a-b`): both were silently accepted
 * (fuzz review 8). Records STG-ZONE-LINK problems; returns the map for `PrivateLink.create`.
 */
export function zoneLinks(problems: ProblemCollector, prop: string, hubNetworkId: string, extra: { [name: string]: string } | undefined): { [name: string]: string } {
  const links: { [name: string]: string } = { Hub: hubNetworkId };
  const byLinkName = new Map<string, string>([[linkName('Hub'), 'Hub']]);
  for (const [name, id] of Object.entries(extra ?? {})) {
    const other = byLinkName.get(linkName(name));
    if (problems.check(other !== undefined, STG_ZONE_LINK, `${prop}.${name}`, name, other === 'Hub' ? `the zone is always linked to the hub as ${linkName('Hub')}; this entry would replace or duplicate that link` : `gives the link name ${linkName(name)} that ${other} gives too`, other === 'Hub' ? 'leave the hub out of this map (it is linked already) and name the other networks' : 'give each network a name that differs in letters or digits')) continue;
    problems.check(name.trim().length === 0 || name.length > 70 || name.includes('/'), STG_ZONE_LINK, `${prop}.${name}`, name, 'a link name is link-<name> of at most 80 characters, without "/" (the name also keys a construct)', 'give a short name such as `spoke1`');
    problems.resourceId(STG_ZONE_LINK, `${prop}.${name}`, id, 'virtual network');
    byLinkName.set(linkName(name), name);
    links[name] = id;
  }
  return links;
}
