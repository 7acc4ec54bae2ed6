import { describe, expect, it } from 'vitest';
import { locate, placeProblems, pointerTokens } from '../src/lib/yamlLines';

const YAML = `hdaGraph:
  id: Image Graph
  services:
    - id: noise-reduction
      artifact:
        ociImage: oci://registry:5000/test/noise-reduction
      deployment:
        intent:
          connectionPoints: [image-detecton, noise-reduction]
    - id: "a/b~c"
      artifact: {ociImage: registry/image-detection}
`;

const JSON_TEXT = `{
  "hdaGraph": {
    "id": "x",
    "services": [
      {"id": "a",
       "artifact": {"ociImage": "bad"}}
    ]
  }
}`;

describe('a problem pointer leads to its line', () => {
  const cases: [string, string, string, number, number, boolean][] = [
    ['graph id', YAML, '/hdaGraph/id', 2, 3, true],
    ['a service', YAML, '/hdaGraph/services/0', 4, 7, true],
    ['a nested field', YAML, '/hdaGraph/services/0/artifact/ociImage', 6, 9, true],
    ['an item of a flow sequence', YAML, '/hdaGraph/services/0/deployment/intent/connectionPoints/1', 9, 46, true],
    ['a field of a flow mapping', YAML, '/hdaGraph/services/1/artifact/ociImage', 11, 18, true],
    ['a missing field: its nearest parent', YAML, '/hdaGraph/services/1/deployment/trigger', 10, 7, false],
    ['an index past the end', YAML, '/hdaGraph/services/7/id', 3, 3, false],
    ['the root', YAML, '', 1, 1, true],
    ['JSON text', JSON_TEXT, '/hdaGraph/services/0/artifact/ociImage', 6, 21, true],
  ];
  it.each(cases)('%s', (_name, text, pointer, line, column, exact) => {
    expect(locate(text, pointer)).toEqual({ line, column, exact });
  });
  it('counts its cases', () => expect(cases).toHaveLength(9));
});

describe('pointer tokens', () => {
  it('unescapes ~1 and ~0', () => expect(pointerTokens('/a~1b/c~0d/0')).toEqual(['a/b', 'c~d', '0']));
});

describe('placeProblems', () => {
  it("keeps the server's own line, maps pointers without one, and leaves headers unplaced", () => {
    const placed = placeProblems(YAML, [
      { path: '/hdaGraph/id', line: 2, column: 7, message: 'server line' },
      { path: '/hdaGraph/services/0/artifact/ociImage', line: 0, column: 0, message: 'mapped' },
      { path: '/headers/Content-Type', line: 0, column: 0, message: 'header' },
    ]);
    expect(placed.map((p) => [p.line, p.column, p.exact])).toEqual([
      [2, 7, true],
      [6, 9, true],
      [0, 0, false],
    ]);
  });
});
