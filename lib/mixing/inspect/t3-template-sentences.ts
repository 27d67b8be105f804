/**
 * The sentences every T3 item of a task shares: the opening instructions, the answer
 * prompts, the question wordings (their slots filled where the slot is a closed set,
 * split at the slot otherwise) and the attribute task's "it remains unchanged" option.
 * Contamination search ignores n-grams inside them: they are not evidence of a leak.
 */
import {
  GROUNDING_QUESTIONS,
  ORDER_ARRANGE_QUESTIONS,
  ORDER_ITEMS_QUESTIONS,
  ORDER_LIST_QUESTIONS,
  ORDER_TEMPLATE_QUESTIONS,
  PREFIX_POOL,
  REFER_ANCHOR_ANY2TEMP_QUESTIONS,
  REFER_ANCHOR_TEMP2ANY_QUESTIONS,
  REFER_ANY2TEMP_QUESTIONS,
  REFER_TEMP2ANY_QUESTIONS,
  SUFFIX_POOL,
  TIME_WORDS,
  UNCHANGED_OPTION,
} from "../../synthesis/index";

const CLOSED_SLOTS: Record<string, readonly string[]> = {
  time: TIME_WORDS,
  rel: ["after", "before"],
};

/** A template's fixed text: closed slots filled every way, open slots split at. */
function templateTexts(template: string): string[] {
  const slot = /\{([a-z_]+)\}/.exec(template);
  if (!slot) return [template];
  const values = CLOSED_SLOTS[slot[1]];
  if (!values) return template.split(slot[0]).flatMap(templateTexts);
  return values.flatMap((v) => templateTexts(template.replace(slot[0], v)));
}

/** Every shared sentence of the T3 templates. */
export function t3TemplateSentences(): string[] {
  const pools = [
    PREFIX_POOL,
    SUFFIX_POOL,
    ORDER_LIST_QUESTIONS,
    ORDER_ARRANGE_QUESTIONS,
    ORDER_ITEMS_QUESTIONS,
    ORDER_TEMPLATE_QUESTIONS,
    REFER_TEMP2ANY_QUESTIONS,
    REFER_ANY2TEMP_QUESTIONS,
    REFER_ANCHOR_TEMP2ANY_QUESTIONS,
    REFER_ANCHOR_ANY2TEMP_QUESTIONS,
    GROUNDING_QUESTIONS,
  ];
  return [...pools.flatMap((p) => p.flatMap(templateTexts)), UNCHANGED_OPTION];
}
