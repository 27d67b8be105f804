/**
 * A caption as synthesis sees it: the first sentence of an image caption, standing in for
 * one keyframe of a "video", plus optional annotations that the embedded data carries.
 */

/** An attribute a caption states, in the terms of the attribute lexicon. */
export interface AttributeAnnotation {
  /** The lexicon kind: "lighting", "fit", "colour", "size", "state", … */
  kind: string;
  /** The phrase as written in the caption, e.g. "loose", "dimly lit". */
  value: string;
  /** What the attribute qualifies, e.g. "polo shirt", "kitchen". */
  subject: string;
}

export interface Caption {
  id: string;
  /** The first sentence, whitespace collapsed, no newlines. */
  text: string;
  /**
   * The main object as a bare noun phrase ("school bus"), when annotated. An annotated
   * record lists all its lexicon attributes: none listed means none. `null`: annotated as
   * having no usable main object (`t3kit synthesize annotate` writes that).
   */
  nounPhrase?: string | null;
  /** The main object with its modifiers ("black coins"), when annotated. */
  object?: string;
  attributes?: AttributeAnnotation[];
}
