// JSON texts that catch every way a JavaScript writer differs from Python's json module.
export const HARD_CASES: string[] = [
  '{"a": 1.0, "b": 1e-05, "c": 1e5, "d": -0.0, "e": 1e16, "f": 123456789012345678901234567890, "g": -0, "h": 1E400, "i": 0.1, "j": 1.5e300, "k": 1e15, "l": 0.0001, "m": 2.5E-7, "n": -1.25, "o": 9007199254740993, "p": -1e-400, "q": 5e-324, "r": 1.7976931348623157e308, "s": 100, "t": 0.30000000000000004}',
  '"caf\\u00e9 \\u00E9 \\u65e5 \\ud83d\\ude00 \\u0041 \\/ \\u007f \\u001f \\b\\f\\n\\r\\t \\"q\\" \\\\ end"',
  '"raw: café 日本語 😀 \u007f ok / ~"',
  '"lone \\ud800 and \\udfff surrogates"',
  '{"a": [], "b": {}, "c": [[]], "d": [{}], "e": [[], {}], "f": ""}',
  '{"x": {"y": {"z": [1, [2, [3, {"w": null}]]]}}, "t": true, "f": false}',
  '{"a": 1, "b": 2, "a": 3}',
  '{"a": {"k": 1, "k": {"deep": [1, 2]}}, "z": [{"m": 1, "n": 2, "m": "last"}]}',
  '{"b": 1, "10": 2, "a": 3, "0": 4, "01": 5}',
  '{"__proto__": {"x": 1}, "y": 2}',
  "[NaN, Infinity, -Infinity, 1.0]",
  "12",
  "[]",
  "{}",
  '  {  "a" :  [ 1 , 2 ] ,\n\t"b"\r\n: { }  }  ',
  '{"id": "000000033471", "image": "coco/train2017/000000033471.jpg", "conversations": [{"from": "human", "value": "<image>\\nWhat are the colors of the bus in the image?"}, {"from": "gpt", "value": "The bus in the image is white and red."}]}',
];

// Long ASCII strings with escapes: the re-emitter's native fast path.
HARD_CASES.push(
  '{"long": "0123456789abcdefghij\\"klmnop\\\\\\/qrstuvwxyz \\u0041\\u00e9 0123456789abcdef\\n", "k\\"": "x", "b": "abcdefghijklmnopqrstuvwxyz\\\\"}',
);
