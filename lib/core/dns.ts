// DNS name rules (RFC 1035 / 1123 host names), shared by every construct that takes one.

const LABEL = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;

/** True for one DNS label: 1-63 letters, digits and '-', not starting or ending with '-'. */
export function isDnsLabel(label: string): boolean {
  return LABEL.test(label);
}

/**
 * True for a host name: labels separated by dots, at most 253 characters, an optional trailing
 * dot. `fullyQualified` also asks for two labels or more and a top-level label that starts with a
 * letter (so that an IPv4 address is never taken for a name).
 */
export function isDnsName(name: string, fullyQualified: boolean): boolean {
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  if (bare.length === 0 || bare.length > 253) return false;
  const labels = bare.split('.');
  if (!labels.every(isDnsLabel)) return false;
  return !fullyQualified || (labels.length >= 2 && /^[a-zA-Z]/.test(labels[labels.length - 1]));
}
