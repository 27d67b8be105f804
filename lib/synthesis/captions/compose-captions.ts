import { attributeKind } from "../lexicon/attribute-lexicon";
import { type Rng, pickOne } from "../rng";
/**
 * Composes everyday image captions from the hand-written vocabulary, annotated with their
 * main object and the attributes the lexicon knows. It writes the embedded caption set
 * (data/captions/, through scripts/compose-embedded-captions.ts) and the benchmark's
 * 558K synthetic captions; the same seed gives the same captions.
 */
import type { AttributeAnnotation } from "./caption-record";
import {
  ACTIVITIES,
  ANIMALS,
  ANIMAL_ACTIONS,
  CONTAINERS,
  CONTAINER_PLACES,
  FRUITS,
  FURNISHINGS,
  GARMENTS,
  LANDSCAPES,
  OPENABLES,
  OPENERS,
  PEOPLE,
  PLACEMENTS,
  ROOMS,
  THINGS,
  VEHICLES,
  WET_THINGS,
} from "./caption-vocabulary";

/** A composed caption in the JSONL form synthesis reads. */
export interface ComposedCaption {
  id: string;
  caption: string;
  noun_phrase: string;
  object: string;
  attributes?: AttributeAnnotation[];
}

const SIZED = [
  "pumpkin",
  "teddy bear",
  "cactus",
  "birthday cake",
  "sunflower",
  "globe",
  "vase",
  "kite",
  "tent",
  "statue",
];
const VEHICLE_PLACES = [
  "by a country road",
  "outside a garage",
  "in a gravel lot",
  "near a barn",
  "at a trailhead",
];

function an(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

function capital(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

function values(kind: string): readonly string[] {
  return attributeKind(kind)!.values;
}

type Part = Omit<ComposedCaption, "id">;

function attr(kind: string, value: string, subject: string): AttributeAnnotation {
  return { kind, value, subject };
}

const TEMPLATES: readonly ((rng: Rng) => Part)[] = [
  // A coloured thing somewhere (three weights: the commonest kind of caption).
  (rng) => {
    const t = pickOne(rng, THINGS);
    const colour = pickOne(rng, t.colours);
    const object = `${colour} ${t.noun}`;
    return {
      caption: `${pickOne(rng, OPENERS)} ${an(object)} ${pickOne(rng, PLACEMENTS)}.`,
      noun_phrase: t.noun,
      object,
      attributes: values("colour").includes(colour) ? [attr("colour", colour, t.noun)] : undefined,
    };
  },
  (rng) => {
    const t = pickOne(rng, THINGS);
    return {
      caption: `${capital(an(t.noun))} ${pickOne(rng, PLACEMENTS)}.`,
      noun_phrase: t.noun,
      object: t.noun,
    };
  },
  (rng) => {
    const t = pickOne(rng, THINGS);
    return {
      caption: `${pickOne(rng, OPENERS)} ${an(t.noun)} ${pickOne(rng, PLACEMENTS)}.`,
      noun_phrase: t.noun,
      object: t.noun,
    };
  },
  // An animal doing something.
  (rng) => {
    const a = pickOne(rng, ANIMALS);
    return {
      caption: `${pickOne(rng, OPENERS)} ${an(a)} ${pickOne(rng, ANIMAL_ACTIONS)}.`,
      noun_phrase: a,
      object: a,
    };
  },
  // Someone in a garment of some fit.
  (rng) => {
    const p = pickOne(rng, PEOPLE);
    const fit = pickOne(rng, values("fit"));
    const g = pickOne(rng, GARMENTS);
    return {
      caption: `${capital(an(p))} in ${an(`${fit} ${g}`)} ${pickOne(rng, ACTIVITIES)}.`,
      noun_phrase: p,
      object: p,
      attributes: [attr("fit", fit, g)],
    };
  },
  // A room in some light.
  (rng) => {
    const room = pickOne(rng, ROOMS);
    const light = pickOne(rng, values("lighting"));
    return {
      caption: `${pickOne(rng, OPENERS)} ${an(`${light} ${room}`)} with ${pickOne(rng, FURNISHINGS)}.`,
      noun_phrase: room,
      object: `${light} ${room}`,
      attributes: [attr("lighting", light, room)],
    };
  },
  // A thing of some size.
  (rng) => {
    const noun = pickOne(rng, SIZED);
    const size = pickOne(rng, values("size"));
    return {
      caption: `${pickOne(rng, OPENERS)} ${an(`${size} ${noun}`)} ${pickOne(rng, PLACEMENTS)}.`,
      noun_phrase: noun,
      object: `${size} ${noun}`,
      attributes: [attr("size", size, noun)],
    };
  },
  // A container, full or not.
  (rng) => {
    const c = pickOne(rng, CONTAINERS);
    const f = pickOne(rng, values("fullness"));
    return {
      caption: `${pickOne(rng, OPENERS)} ${an(`${f} ${c}`)} ${pickOne(rng, CONTAINER_PLACES)}.`,
      noun_phrase: c,
      object: `${f} ${c}`,
      attributes: [attr("fullness", f, c)],
    };
  },
  // Fruit, ripe or not.
  (rng) => {
    const fruit = pickOne(rng, FRUITS);
    const r = pickOne(rng, values("ripeness"));
    return {
      caption: `${pickOne(rng, OPENERS)} a plate of ${r} ${fruit} ${pickOne(rng, CONTAINER_PLACES)}.`,
      noun_phrase: fruit,
      object: `${r} ${fruit}`,
      attributes: [attr("ripeness", r, fruit)],
    };
  },
  // Something open or closed.
  (rng) => {
    const o = pickOne(rng, OPENABLES);
    const s = pickOne(rng, values("state"));
    return {
      caption: `${pickOne(rng, OPENERS)} ${an(`${s} ${o.noun}`)} ${o.context}.`,
      noun_phrase: o.noun,
      object: `${s} ${o.noun}`,
      attributes: [attr("state", s, o.noun)],
    };
  },
  // A face.
  (rng) => {
    const p = pickOne(rng, PEOPLE);
    const e = pickOne(rng, values("expression"));
    return {
      caption: `${capital(an(`${e} ${p}`))} ${pickOne(rng, ACTIVITIES)}.`,
      noun_phrase: p,
      object: `${e} ${p}`,
      attributes: [attr("expression", e, p)],
    };
  },
  // A vehicle, clean or not.
  (rng) => {
    const v = pickOne(rng, VEHICLES);
    const c = pickOne(rng, values("cleanliness"));
    return {
      caption: `${pickOne(rng, OPENERS)} ${an(`${c} ${v}`)} parked ${pickOne(rng, VEHICLE_PLACES)}.`,
      noun_phrase: v,
      object: `${c} ${v}`,
      attributes: [attr("cleanliness", c, v)],
    };
  },
  // The sky over a place.
  (rng) => {
    const l = pickOne(rng, LANDSCAPES);
    const w = pickOne(rng, values("weather"));
    return {
      caption: `${pickOne(rng, OPENERS)} ${an(`${w} sky`)} over ${an(l)}.`,
      noun_phrase: l,
      object: l,
      attributes: [attr("weather", w, "sky")],
    };
  },
  // Something wet or dry.
  (rng) => {
    const t = pickOne(rng, WET_THINGS);
    const w = pickOne(rng, values("wetness"));
    return {
      caption: `${pickOne(rng, OPENERS)} ${an(`${w} ${t.noun}`)} ${t.place}.`,
      noun_phrase: t.noun,
      object: `${w} ${t.noun}`,
      attributes: [attr("wetness", w, t.noun)],
    };
  },
];

/** One composed caption (annotations included), numbered `index`. */
export function composeCaption(rng: Rng, index: number): ComposedCaption {
  const part = pickOne(rng, TEMPLATES)(rng);
  const id = `t3kit-${String(index).padStart(6, "0")}`;
  return part.attributes
    ? { id, ...part }
    : { id, caption: part.caption, noun_phrase: part.noun_phrase, object: part.object };
}
