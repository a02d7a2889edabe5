import { Token } from 'cdktf';
import { ProblemCollector } from '../core/errors';
import { Rule } from '../core/rule';

/** How long a replication policy keeps recovery points and how often it takes app-consistent snapshots. */
export interface RetentionCheck {
  readonly rule: Rule;
  readonly unit: 'hour' | 'minute';
  readonly retentionProp: string;
  readonly retention: number;
  readonly maxRetention: number;
  readonly defaultRetention: number;
  readonly snapshotProp: string;
  readonly snapshot: number;
  readonly maxSnapshot: number;
  readonly defaultSnapshot: number;
}

/**
 * The retention checks Hyper-V and VMware replication policies share: retention 0-max,
 * app-consistent frequency 0-max and not longer than the retention. Tokens are skipped.
 */
export function checkReplicationRetention(problems: ProblemCollector, c: RetentionCheck): void {
  const retentionOk = !problems.integer(c.rule, c.retentionProp, c.retention, 0, c.maxRetention, `use ${c.defaultRetention}`);
  const snapshotOk = !problems.integer(c.rule, c.snapshotProp, c.snapshot, 0, c.maxSnapshot, `use ${c.defaultSnapshot}`);
  if (!retentionOk || !snapshotOk || Token.isUnresolved(c.retention) || Token.isUnresolved(c.snapshot)) return;
  problems.check(
    c.snapshot > c.retention,
    c.rule,
    c.snapshotProp,
    c.snapshot,
    `app-consistent snapshots are taken at least once in the ${c.retention}-${c.unit} retention`,
    `use ${Math.min(c.defaultSnapshot, c.retention)} or less`,
  );
}
