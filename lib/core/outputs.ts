import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { IStackSynthesizer, ISynthesisSession, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { toMermaid } from '../diagram/render';
import { buildTopology } from '../diagram/topology';
import { LifecycleGate } from './gates';
import { dropResolvedBodies } from './tokens';

/**
 * One section of a stack's hand-off runbook. Rendered at synth time, so it can list what was
 * added to a construct after its constructor ran (sites, spokes, shares).
 */
export interface IRunbookSection {
  /** Section heading. */
  readonly title: string;
  /** The section's Markdown body (without the heading). */
  renderMarkdown(): string;
}

/** Options of `Runbook.addOutput`. */
export interface HandoffOutputOptions {
  /** The value (usually a token of a resource attribute). */
  readonly value: any;
  /** What the value is for, shown by `terraform output` and in the runbook. */
  readonly description: string;
  /**
   * Keep the value out of plan and apply logs (keys, connection strings).
   * @default false
   */
  readonly sensitive?: boolean;
}

const RUNBOOK_ID = 'HandoffRunbook';
const RUNBOOK_FILE = 'runbook.md';
const DIAGRAM_FILE = 'diagram.mmd';

/**
 * The hand-off of one stack to the on-premises team: the Terraform outputs they need and a
 * Markdown runbook, written as `runbook.md` beside `cdk.tf.json` on synth, telling them what to
 * do and which `terraform output` gives each value.
 *
 * There is one per stack; constructs reach it with `Runbook.of(this)`.
 */
export class Runbook extends Construct {
  /** The stack's runbook, created on first use. */
  public static of(scope: IConstruct): Runbook {
    const stack = TerraformStack.of(scope);
    return (stack.node.tryFindChild(RUNBOOK_ID) as Runbook | undefined) ?? new Runbook(stack, RUNBOOK_ID);
  }

  /** File name of the runbook inside the stack's output folder. */
  public static readonly FILE_NAME = RUNBOOK_FILE;

  private readonly preamble: IRunbookSection[] = [];
  private readonly sections: IRunbookSection[] = [];
  private readonly outputs: { name: string; description: string; sensitive: boolean; source: string }[] = [];
  /** Names and sources (`path\0id`) of `outputs`, for constant-time clash checks. */
  private readonly outputNames = new Set<string>();
  private readonly outputSources = new Set<string>();
  private readonly stack: TerraformStack;

  private constructor(scope: TerraformStack, id: string) {
    super(scope, id);
    this.stack = scope;
    // Write the runbook right after the stack's own synthesis, into the same folder.
    scope.synthesizer = new RunbookSynthesizer(scope.synthesizer, this);
  }

  /** Adds a section shown before the topology (what the first apply needs). */
  public addPreamble(section: IRunbookSection): void {
    this.preamble.push(section);
  }

  /** Adds a section; sections appear in the order they were added. */
  public addSection(section: IRunbookSection): void {
    this.sections.push(section);
  }

  /**
   * Adds a Terraform output for the on-premises side, named after the owning construct's path
   * (`hub_vpn_gateway_public_ip_1`), so that two uses of a construct never collide.
   * Paths that differ only in characters snake_case drops (`x-y`, `x.y`, `x_y`) would map to
   * one name: on such a clash the later output gets a suffix, a stable hash of its owner's full
   * path and id (`..._1a2b3c4d`), the same on every synth.
   * Returns the output's name, as `terraform output -raw <name>` takes it.
   */
  public addOutput(owner: IConstruct, id: string, options: HandoffOutputOptions): string {
    const source = `${owner.node.path}\0${id}`;
    const name = this.uniqueOutputName(owner, id, source);
    const output = new TerraformOutput(owner, `Output${id}`, {
      value: options.value,
      description: options.description,
      sensitive: options.sensitive ?? false,
    });
    output.overrideLogicalId(name);
    this.outputs.push({ name, description: options.description, sensitive: options.sensitive ?? false, source });
    this.outputNames.add(name);
    this.outputSources.add(source);
    return name;
  }

  /** `outputName`, with a stable hash suffix when another output of the stack already has the name. */
  private uniqueOutputName(owner: IConstruct, id: string, source: string): string {
    const base = outputName(owner, id);
    // The same owner and id twice is a programming error of the caller, not a clash of names.
    if (this.outputSources.has(source)) {
      throw new Error(`Hand-off output '${base}' is defined twice (construct ${owner.node.path}, id ${id})`);
    }
    const taken = (candidate: string) => this.outputNames.has(candidate);
    if (!taken(base)) return base;
    const hash = createHash('sha256').update(`${owner.node.path}/${id}`).digest('hex');
    // 8 characters are plenty; longer ones only if the suffixed name is taken as well.
    for (const length of [8, 16, hash.length]) {
      const candidate = `${base}_${hash.slice(0, length)}`;
      if (!taken(candidate)) return candidate;
    }
    throw new Error(`Hand-off output '${base}': no free name (construct ${owner.node.path}, id ${id})`);
  }

  /**
   * The runbook as Markdown.
   * @param mermaid the stack's topology as Mermaid text, drawn at the top when given
   */
  public render(mermaid?: string): string {
    const stackName = this.stack.node.id;
    const lines: string[] = [
      `# Hand-off runbook: ${stackName}`,
      '',
      'Generated by cdktf-azure-hybrid at synth time. It lists what Terraform cannot do for you and',
      'where every value the on-premises side needs comes from.',
      '',
      'Read a value after `cdktf deploy` with:',
      '',
      '```sh',
      `cd cdktf.out/stacks/${stackName}`,
      'terraform output -raw <name>      # one value; sensitive values are printed too',
      'terraform output -json <name>     # lists and objects',
      '```',
      '',
    ];
    for (const section of this.preamble) {
      lines.push(`## ${section.title}`, '', section.renderMarkdown().trim(), '');
    }
    const gates = LifecycleGate.allOf(this.stack);
    if (gates.length > 0) {
      lines.push('## Phases', '', `Phase 1 is \`cdktf deploy ${stackName}\`. Each gate below holds back the resources that wait on a step outside Terraform; open them in this order, each when its step is done (the same synthesized JSON, no code edit; \`terraform apply -var='<gate>=true'\` works too). Keep earlier gates open on later deploys.`, '');
      gates.forEach((g, i) => {
        lines.push(`${i + 1}. **${g.name}**: when ${g.waitsFor} (${g.performedBy}).${g.verify ? ` Check: \`${g.verify}\`.` : ''}`);
        lines.push(`   \`${g.openCommand(stackName)}${gates.slice(0, i).map((e) => ` --var='${e.name}=true'`).join('')}\``);
        for (const twin of g.twinsInOtherStacks()) lines.push(`   Resources of another stack wait for the same step behind their own gate: \`${twin.command}\`.`);
      });
      lines.push('');
    }
    if (mermaid) lines.push('## Topology', '', '```mermaid', mermaid.trimEnd(), '```', '');
    for (const section of this.sections) {
      lines.push(`## ${section.title}`, '', section.renderMarkdown().trim(), '');
    }
    if (this.outputs.length > 0) {
      lines.push('## Outputs', '', '| output | sensitive | what it is |', '| --- | --- | --- |');
      for (const o of [...this.outputs].sort((a, b) => a.name.localeCompare(b.name))) {
        lines.push(`| \`${o.name}\` | ${o.sensitive ? 'yes' : 'no'} | ${o.description.replace(/\|/g, '\\|')} |`);
      }
      lines.push('');
    }
    return lines.join('\n');
  }
}

/** `terraform output` name for an output of `owner`: its path inside the stack, snake_case. */
export function outputName(owner: IConstruct, id: string): string {
  const scopes = owner.node.scopes;
  const stackIndex = scopes.indexOf(TerraformStack.of(owner));
  const parts = [...scopes.slice(stackIndex + 1).map((s) => s.node.id), id];
  return parts
    .map((p) => p.replace(/([a-z0-9])([A-Z])/g, '$1_$2'))
    .join('_')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/** Wraps a stack's synthesizer to write the runbook beside `cdk.tf.json`. */
class RunbookSynthesizer implements IStackSynthesizer {
  constructor(
    private readonly inner: IStackSynthesizer,
    private readonly runbook: Runbook,
  ) {}

  public synthesize(session: ISynthesisSession): void {
    this.inner.synthesize(session);
    const stack = TerraformStack.of(this.runbook);
    // The synth-time aspects are done with the resolved bodies they shared.
    dropResolvedBodies(stack);
    const manifest = session.manifest.forStack(stack);
    const folder = path.join(session.outdir, manifest.workingDirectory);
    fs.mkdirSync(folder, { recursive: true });
    // The topology is drawn from what was just synthesized, so it shows what Terraform will build.
    let mermaid: string | undefined;
    const tfJson = path.join(session.outdir, manifest.synthesizedStackPath);
    if (fs.existsSync(tfJson) && tfJson.endsWith('.json')) {
      mermaid = toMermaid(buildTopology(stack.node.id, JSON.parse(fs.readFileSync(tfJson, 'utf8'))));
      fs.writeFileSync(path.join(folder, DIAGRAM_FILE), mermaid);
    }
    fs.writeFileSync(path.join(folder, RUNBOOK_FILE), this.runbook.render(mermaid));
  }
}

/** A runbook section whose body is rendered by a function at synth time (library-internal). */
export class LazySection implements IRunbookSection {
  constructor(
    public readonly title: string,
    private readonly body: () => string,
  ) {}

  public renderMarkdown(): string {
    return this.body();
  }
}
