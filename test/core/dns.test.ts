import { isDnsLabel, isDnsName } from '../../lib/core/dns';

describe('DNS names', () => {
  test.each([
    ['vpn.contoso.com', true, true],
    ['vpn.contoso.com.', true, true],
    ['sql01', false, true],
    ['sql01', true, false],
    ['10.1.2.3', true, false],
    ['-bad.contoso.com', true, false],
    ['bad-.contoso.com', true, false],
    ['a..b', false, false],
    ['', false, false],
    [`${'a'.repeat(63)}.com`, true, true],
    [`${'a'.repeat(64)}.com`, true, false],
    [`${'a.'.repeat(126)}com`, true, false], // 255 characters
    ['https://vpn.contoso.com', true, false],
    ['vpn.contoso.com:443', true, false],
  ])('isDnsName(%j, fullyQualified=%j) is %j', (name, fullyQualified, expected) => {
    expect(isDnsName(name, fullyQualified)).toBe(expected);
  });

  test('labels', () => {
    expect(isDnsLabel('contoso-app')).toBe(true);
    expect(isDnsLabel('contoso_app')).toBe(false);
    expect(isDnsLabel('a'.repeat(64))).toBe(false);
  });
});
