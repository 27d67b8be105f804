/**
 * Composes everyday image captions from the hand-written vocabulary, annotated with their
 * main object and the attributes the lexicon knows. It writes the embedded caption set
 * (data/captions/, through scripts/compose-embedded-captions.ts) and the benchmark's
 * 558K synthetic captions; the same seed gives the same captions.
 */
import type { PythonRandom } from "../../pyrandom/index";
import { attributeKind } from "../lexicon/attribute-lexicon";
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

const TEMPLATES: readonly ((rng: PythonRandom) => Part)[] = [
  // A coloured thing somewhere (three weights: the commonest kind of caption).
  (rng) => {
    const t = rng.choice(THINGS);
    const colour = rng.choice(t.colours);
    const object = `${colour} ${t.noun}`;
    return {
      caption: `${rng.choice(OPENERS)} ${an(object)} ${rng.choice(PLACEMENTS)}.`,
      noun_phrase: t.noun,
      object,
      attributes: values("colour").includes(colour) ? [attr("colour", colour, t.noun)] : undefined,
    };
  },
  (rng) => {
    const t = rng.choice(THINGS);
    return {
      caption: `${capital(an(t.noun))} ${rng.choice(PLACEMENTS)}.`,
      noun_phrase: t.noun,
      object: t.noun,
    };
  },
  (rng) => {
    const t = rng.choice(THINGS);
    return {
      caption: `${rng.choice(OPENERS)} ${an(t.noun)} ${rng.choice(PLACEMENTS)}.`,
      noun_phrase: t.noun,
      object: t.noun,
    };
  },
  // An animal doing something.
  (rng) => {
    const a = rng.choice(ANIMALS);
    return {
      caption: `${rng.choice(OPENERS)} ${an(a)} ${rng.choice(ANIMAL_ACTIONS)}.`,
      noun_phrase: a,
      object: a,
    };
  },
  // Someone in a garment of some fit.
  (rng) => {
    const p = rng.choice(PEOPLE);
    const fit = rng.choice(values("fit"));
    const g = rng.choice(GARMENTS);
    return {
      caption: `${capital(an(p))} in ${an(`${fit} ${g}`)} ${rng.choice(ACTIVITIES)}.`,
      noun_phrase: p,
      object: p,
      attributes: [attr("fit", fit, g)],
    };
  },
  // A room in some light.
  (rng) => {
    const room = rng.choice(ROOMS);
    const light = rng.choice(values("lighting"));
    return {
      caption: `${rng.choice(OPENERS)} ${an(`${light} ${room}`)} with ${rng.choice(FURNISHINGS)}.`,
      noun_phrase: room,
      object: `${light} ${room}`,
      attributes: [attr("lighting", light, room)],
    };
  },
  // A thing of some size.
  (rng) => {
    const noun = rng.choice(SIZED);
    const size = rng.choice(values("size"));
    return {
      caption: `${rng.choice(OPENERS)} ${an(`${size} ${noun}`)} ${rng.choice(PLACEMENTS)}.`,
      noun_phrase: noun,
      object: `${size} ${noun}`,
      attributes: [attr("size", size, noun)],
    };
  },
  // A container, full or not.
  (rng) => {
    const c = rng.choice(CONTAINERS);
    const f = rng.choice(values("fullness"));
    return {
      caption: `${rng.choice(OPENERS)} ${an(`${f} ${c}`)} ${rng.choice(CONTAINER_PLACES)}.`,
      noun_phrase: c,
      object: `${f} ${c}`,
      attributes: [attr("fullness", f, c)],
    };
  },
  // Fruit, ripe or not.
  (rng) => {
    const fruit = rng.choice(FRUITS);
    const r = rng.choice(values("ripeness"));
    return {
      caption: `${rng.choice(OPENERS)} a plate of ${r} ${fruit} ${rng.choice(CONTAINER_PLACES)}.`,
      noun_phrase: fruit,
      object: `${r} ${fruit}`,
      attributes: [attr("ripeness", r, fruit)],
    };
  },
  // Something open or closed.
  (rng) => {
    const o = rng.choice(OPENABLES);
    const s = rng.choice(values("state"));
    return {
      caption: `${rng.choice(OPENERS)} ${an(`${s} ${o.noun}`)} ${o.context}.`,
      noun_phrase: o.noun,
      object: `${s} ${o.noun}`,
      attributes: [attr("state", s, o.noun)],
    };
  },
  // A face.
  (rng) => {
    const p = rng.choice(PEOPLE);
    const e = rng.choice(values("expression"));
    return {
      caption: `${capital(an(`${e} ${p}`))} ${rng.choice(ACTIVITIES)}.`,
      noun_phrase: p,
      object: `${e} ${p}`,
      attributes: [attr("expression", e, p)],
    };
  },
  // A vehicle, clean or not.
  (rng) => {
    const v = rng.choice(VEHICLES);
    const c = rng.choice(values("cleanliness"));
    return {
      caption: `${rng.choice(OPENERS)} ${an(`${c} ${v}`)} parked ${rng.choice(VEHICLE_PLACES)}.`,
      noun_phrase: v,
      object: `${c} ${v}`,
      attributes: [attr("cleanliness", c, v)],
    };
  },
  // The sky over a place.
  (rng) => {
    const l = rng.choice(LANDSCAPES);
    const w = rng.choice(values("weather"));
    return {
      caption: `${rng.choice(OPENERS)} ${an(`${w} sky`)} over ${an(l)}.`,
      noun_phrase: l,
      object: l,
      attributes: [attr("weather", w, "sky")],
    };
  },
  // Something wet or dry.
  (rng) => {
    const t = rng.choice(WET_THINGS);
    const w = rng.choice(values("wetness"));
    return {
      caption: `${rng.choice(OPENERS)} ${an(`${w} ${t.noun}`)} ${t.place}.`,
      noun_phrase: t.noun,
      object: `${w} ${t.noun}`,
      attributes: [attr("wetness", w, t.noun)],
    };
  },
];

/** One composed caption (annotations included), numbered `index`. */
export function composeCaption(rng: PythonRandom, index: number): ComposedCaption {
  const part = rng.choice(TEMPLATES)(rng);
  const id = `t3kit-${String(index).padStart(6, "0")}`;
  return part.attributes
    ? { id, ...part }
    : { id, caption: part.caption, noun_phrase: part.noun_phrase, object: part.object };
}
