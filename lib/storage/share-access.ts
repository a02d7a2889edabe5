import { Token } from 'cdktf';
import { ProblemCollector } from '../core/errors';
import { PREMIUM_SHARE_QUOTA_MIN, SHARE_ACCESS_TIERS, SHARE_QUOTA_DEFAULT, SHARE_QUOTA_MAX, SHARE_QUOTA_MIN, STANDARD_SHARE_QUOTA_MAX } from './defaults';
import { STG_NFS_KIND, STG_PREMIUM_KIND, STG_PREMIUM_QUOTA, STG_SHARE_DUPLICATE, STG_SHARE_LARGE, STG_SHARE_NAME, STG_SHARE_QUOTA, STG_SHARE_TIER } from './rules';

/** Protocol of a file share. */
export enum ShareProtocol {
  /** SMB 3.x (Windows, the default). */
  SMB = 'SMB',
  /** NFS 4.1 (Linux); premium FileStorage accounts only. */
  NFS = 'NFS',
}

/** Share-level permission given through Azure RBAC. */
export enum ShareAccessLevel {
  /** Storage File Data SMB Share Reader. */
  READER = 'Storage File Data SMB Share Reader',
  /** Storage File Data SMB Share Contributor. */
  CONTRIBUTOR = 'Storage File Data SMB Share Contributor',
  /** Storage File Data SMB Share Elevated Contributor (can change NTFS ACLs). */
  ELEVATED_CONTRIBUTOR = 'Storage File Data SMB Share Elevated Contributor',
}

/** A file share of a `HybridFileShare`. */
export interface FileShareOptions {
  /**
   * Quota in GiB, 1-102400 (above 5120 needs large file shares; premium shares more than 100).
   * @default 1024
   */
  readonly quotaGib?: number;
  /**
   * Protocol.
   * @default ShareProtocol.SMB
   */
  readonly protocol?: ShareProtocol;
  /**
   * Access tier: `TransactionOptimized`, `Hot`, `Cool` (standard) or `Premium`.
   * @default - `Premium` on a premium account, `TransactionOptimized` otherwise
   */
  readonly accessTier?: string;
}

/** A share's settings after defaults. */
export interface ResolvedShare {
  readonly quota: number;
  readonly protocol: ShareProtocol;
  readonly tier: string;
}

/** What a share's checks need to know about its account. */
export interface ShareAccount {
  readonly premium: boolean;
  readonly largeFileSharesEnabled: boolean;
  readonly hasShare: (name: string) => boolean;
}

/** A share name Azure accepts: 3-63 of a-z, 0-9 and '-', letter or digit at both ends, no '--'. */
const SHARE_NAME = /^[a-z0-9](?!.*--)[a-z0-9-]*[a-z0-9]$/;

/**
 * Checks one share (its name is the construct id `Share<name>`, so it must be a literal) and
 * returns its settings with defaults. `prop(p)` names a prop as the caller's user wrote it
 * (`quotaGib`, or `shares.finance.quotaGib`).
 */
export function resolveShare(problems: ProblemCollector, account: ShareAccount, name: string, options: FileShareOptions, nameProp: string, prop: (p: string) => string): ResolvedShare {
  problems.required(nameProp, name, 'string');
  problems.type(prop('quotaGib'), options.quotaGib, 'number');
  const literalName = !problems.literal(nameProp, name, 'the share name is its construct id, and File Sync and Backup find the share by it');
  if (literalName && typeof name === 'string') {
    problems.check(
      name.length < 3 || name.length > 63 || !SHARE_NAME.test(name),
      STG_SHARE_NAME,
      nameProp,
      name,
      "a share name must be 3-63 lowercase letters, digits and '-', start and end with a letter or digit, without '--'",
      'rename the share, e.g. finance-data',
    );
    problems.check(account.hasShare(name), STG_SHARE_DUPLICATE, nameProp, name, `a share named ${name} already exists in this account`, 'give each share its own name');
  }
  const quota = options.quotaGib ?? SHARE_QUOTA_DEFAULT;
  const protocol = options.protocol ?? ShareProtocol.SMB;
  const tier = options.accessTier ?? (account.premium ? 'Premium' : 'TransactionOptimized');
  const quotaBad = problems.integer(STG_SHARE_QUOTA, prop('quotaGib'), quota, SHARE_QUOTA_MIN, SHARE_QUOTA_MAX, 'pick a quota in range');
  if (!quotaBad && !Token.isUnresolved(quota)) {
    problems.check(
      !account.largeFileSharesEnabled && quota > STANDARD_SHARE_QUOTA_MAX,
      STG_SHARE_LARGE,
      prop('quotaGib'),
      quota,
      `without large file shares a standard share holds at most ${STANDARD_SHARE_QUOTA_MAX} GiB`,
      'set `largeFileSharesEnabled` (LRS or ZRS accounts), or use a smaller quota',
    );
    problems.check(account.premium && quota < PREMIUM_SHARE_QUOTA_MIN, STG_PREMIUM_QUOTA, prop('quotaGib'), quota, 'a premium share must be provisioned larger than 100 GiB', `use at least ${PREMIUM_SHARE_QUOTA_MIN} GiB`);
  }
  const tierBad = problems.oneOf(STG_SHARE_TIER, prop('accessTier'), tier, SHARE_ACCESS_TIERS);
  if (!tierBad && !Token.isUnresolved(tier)) {
    problems.check(
      (tier === 'Premium') !== account.premium,
      STG_PREMIUM_KIND,
      prop('accessTier'),
      tier,
      account.premium ? 'a FileStorage account has only Premium shares' : 'Premium shares need a premium FileStorage account',
      account.premium ? 'leave `accessTier` out (Premium)' : "set `premium: true` on the account, or use 'TransactionOptimized', 'Hot' or 'Cool'",
    );
  }
  problems.oneOf(STG_NFS_KIND, prop('protocol'), protocol, [ShareProtocol.SMB, ShareProtocol.NFS]);
  problems.check(protocol === ShareProtocol.NFS && !account.premium, STG_NFS_KIND, prop('protocol'), protocol, 'NFS shares exist only on premium FileStorage accounts', 'set `premium: true` on the account, or use SMB');
  return { quota, protocol, tier };
}

/** A share-level grant, as the runbook lists it. */
export interface ShareGrant {
  /** Object id, or the Terraform expression that gives it (`${var.x}`). */
  readonly principal: string;
  readonly level: ShareAccessLevel;
  /** The share, or undefined for the whole account. */
  readonly share?: string;
}
