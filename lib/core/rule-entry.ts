/**
 * How serious a broken rule is.
 */
export enum RuleLevel {
  /** Azure refuses the configuration, or it breaks the pattern: synth fails. */
  ERROR = 'error',
  /** Allowed by Azure, but against the guidance: reported, synth goes on. */
  WARNING = 'warning',
}

/** A catalogue entry: level, description, source. Each area keeps its rules in its own `rules.ts`. */
export type RuleEntry = [RuleLevel, string, string];

/** Source prefixes used in the catalogue. */
export const AD = 'MicrosoftDocs/azure-docs';
export const TF = 'hashicorp/terraform-provider-azurerm v4.55.0';
