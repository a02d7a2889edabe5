import { AnnotationMetadataEntryType, Aspects, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import * as fc from 'fast-check';
import { HybridChecks } from '../../lib';
import { checkTerraformJson } from '../../lib/checks/schema-check';
import { ValidationError } from '../../lib/core/errors';
import { RuleCatalogue } from '../../lib/checks/catalogue';

// Shared machinery of the per-area property files (issue 3). The model is
// network.property.test.ts: every generated input either synthesizes to JSON that passes the
// schema check and the policy rule pack, or throws the library's ValidationError.

/** Cases per property (the model reads the same variable). */
export const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 100);

/** Mostly a valid value, sometimes a broken one: both outcomes must occur for the property to mean anything. */
export function mostly<T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>, goodWeight = 6): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: good, weight: goodWeight }, { arbitrary: bad, weight: 1 });
}

/** An optional value: `undefined` (the default) or the arbitrary's value. */
export function opt<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined });
}

/** Outcome counts of one property. */
export interface RunCount {
  synthesized: number;
  /** Refused at construction with the library's ValidationError. */
  refused: number;
  /**
   * Refused at synth by a whole-tree validation (`node.addValidation`, as CONTRIBUTING.md prescribes
   * for checks that need the final tree), every line naming a catalogue rule id. This is a plain
   * Error from cdktf, not a ValidationError: counted apart and reported.
   */
  refusedAtSynth: number;
}

/** Counts of every property of one file, printed and checked in `afterAll`. */
export class PropertyRuns {
  private readonly runs: Record<string, RunCount> = {};
  /** Rule ids of the refusals, per property (printed with `PROPERTY_VERBOSE=1`). */
  private readonly refusedBy: Record<string, Record<string, number>> = {};

  /** Runs one case; a ValidationError (or a rule-id synth validation) is a refusal, anything else fails. */
  public classify(name: string, build: () => void): void {
    const count = (this.runs[name] ??= { synthesized: 0, refused: 0, refusedAtSynth: 0 });
    try {
      build();
      count.synthesized++;
    } catch (e) {
      if (e instanceof ValidationError) {
        count.refused++;
        const ids = (this.refusedBy[name] ??= {});
        for (const id of new Set(e.problems.map((p) => p.ruleId))) ids[id] = (ids[id] ?? 0) + 1;
        return;
      }
      if (isRuleSynthRefusal(e)) {
        count.refusedAtSynth++;
        return;
      }
      throw e; // anything else (TypeError, constructs or cdktf error, failed assertion) breaks the property
    }
  }

  /** For `afterAll`: prints the counts and checks both outcomes occurred for every property. */
  public report(file: string): void {
    process.stdout.write(`property runs (${file}): ${JSON.stringify(this.runs)}\n`);
    if (process.env.PROPERTY_VERBOSE === '1') process.stdout.write(`refused by (${file}): ${JSON.stringify(this.refusedBy)}\n`);
    for (const [name, count] of Object.entries(this.runs)) {
      if (count.synthesized === 0 || count.refused === 0) {
        throw new Error(`property ${name} did not see both outcomes: ${JSON.stringify(count)}`);
      }
    }
  }
}

/** A construct refused its final tree at synth (`reportAtSynth` / `checkFinalBody` error annotations on the construct). */
class ConstructSynthRefusal extends Error {}

/** `Testing.synth(stack, true)` failing on `node.addValidation` messages that each carry a catalogue rule id. */
function isRuleSynthRefusal(e: unknown): boolean {
  if (e instanceof ConstructSynthRefusal) return true;
  if (!(e instanceof Error) || e instanceof TypeError) return false;
  const message = e.message;
  if (!/^Validation failed with the following errors:/.test(message)) return false;
  const lines = message.split('\n').slice(1).map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith('If you wish to ignore'));
  return lines.length > 0 && lines.every((l) => {
    const id = /\[([A-Z0-9]+(?:-[A-Z0-9]+)+)\]/.exec(l)?.[1];
    return id !== undefined && RuleCatalogue.has(id);
  });
}

/** Error annotations (`@cdktf/error`) anywhere in the stack, as `path: message`. */
export function errorAnnotations(stack: TerraformStack): string[] {
  return errorAnnotationsWhere(stack, () => true);
}

function errorAnnotationsWhere(stack: TerraformStack, where: (n: IConstruct) => boolean): string[] {
  return stack.node
    .findAll()
    .filter(where)
    .flatMap((n) => n.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.ERROR).map((m) => `${n.node.path}: ${String(m.data)}`));
}

/** Attribute references whose value is a key, connection string or other secret. */
const SECRET_REFERENCE = /\.(primary_key|secondary_key|primary_connection_string|secondary_connection_string|connection_string|instrumentation_key|authorization_key|service_key|primary_access_key|secondary_access_key|send_key_value|shared_key|result)\b/;
/** Resource arguments that carry secrets and must never be literals. */
const SECRET_ARGUMENTS = ['shared_key', 'authorization_key', 'send_key_value'];

/**
 * The success half of the property: synthesizes with the policy rule pack applied to the stack,
 * and checks the schema, the pack's error annotations and the secure defaults. Returns the JSON.
 */
export function synthChecked(stack: TerraformStack): any {
  Aspects.of(stack).add(new HybridChecks());
  const json = JSON.parse(Testing.synth(stack, true));

  const schemaErrors = checkTerraformJson('prop', json).filter((f) => f.level === 'error');
  if (schemaErrors.length > 0) throw new Error(`schema check errors:\n${JSON.stringify(schemaErrors, null, 1)}`);

  // Error annotations on a library construct are its synth-time refusals, each naming a rule of the
  // catalogue (a refusal, like a ValidationError); on a Terraform resource they come from the rule
  // pack: the library wrote a non-compliant resource, which breaks the property.
  const onResources = (n: IConstruct) => n instanceof TerraformResource;
  const packErrors = errorAnnotationsWhere(stack, onResources);
  if (packErrors.length > 0) throw new Error(`rule pack errors:\n${packErrors.join('\n')}`);
  const refusals = errorAnnotationsWhere(stack, (n) => !onResources(n));
  if (refusals.length > 0) {
    const unknown = refusals.filter((m) => !RuleCatalogue.has(/\[([A-Z0-9]+(?:-[A-Z0-9]+)+)\]/.exec(m)?.[1] ?? ''));
    if (unknown.length > 0) throw new Error(`synth errors without a rule id:\n${unknown.join('\n')}`);
    throw new ConstructSynthRefusal(refusals.join('\n'));
  }

  // No literal secrets: every output referencing a key or connection string is sensitive...
  for (const [name, output] of Object.entries<any>(json.output ?? {})) {
    if (SECRET_REFERENCE.test(JSON.stringify(output.value ?? '')) && output.sensitive !== true) {
      throw new Error(`output ${name} carries a secret (${JSON.stringify(output.value)}) but is not sensitive`);
    }
  }
  // ...and no secret argument is a literal.
  for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
    if (!type.startsWith('azurerm_')) continue;
    for (const [name, body] of Object.entries<any>(byName)) {
      for (const arg of SECRET_ARGUMENTS) {
        const value = body[arg];
        if (value !== undefined && !(typeof value === 'string' && value.startsWith('${'))) {
          throw new Error(`${type}.${name}.${arg} is a literal`);
        }
      }
    }
  }
  // Storage: HTTPS only and TLS 1.2; vaults: soft delete.
  for (const [name, sa] of Object.entries<any>(json.resource?.azurerm_storage_account ?? {})) {
    if (sa.https_traffic_only_enabled !== true || sa.min_tls_version !== 'TLS1_2') {
      throw new Error(`storage account ${name}: https_traffic_only_enabled=${sa.https_traffic_only_enabled}, min_tls_version=${sa.min_tls_version}`);
    }
  }
  for (const [name, vault] of Object.entries<any>(json.resource?.azurerm_recovery_services_vault ?? {})) {
    if (vault.soft_delete_enabled === false) throw new Error(`vault ${name}: soft delete is off`);
  }
  return json;
}
