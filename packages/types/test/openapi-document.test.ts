import fs from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { dereferenceDocument } from '../src/walker/index.js';
import { specReads } from './helpers/spec-reads.js';

const shipped = new URL('../src/generated/openapi.gen.json', import.meta.url);

afterEach(() => vi.resetModules());

describe('openapi-document', () => {
  test('importing it reads no file (the package declares sideEffects: false); the first member read loads it once', async () => {
    vi.resetModules();
    const { value: mod, reads } = await specReads(() => import('../src/openapi-document.js'));
    expect(reads).toEqual([]);
    const first = await specReads(() => mod.openapiDocument.openapi);
    expect(first.value).toBe('3.1.0');
    expect(first.reads).toHaveLength(1);
    const again = await specReads(() => [mod.openapiDocument.paths, mod.loadOpenapiDocument()]);
    expect(again.reads).toEqual([]);
  });

  test('walkedSpec() walks the spec once, on the first call, and hands every later caller the same view', async () => {
    vi.resetModules();
    const { value: mod, reads } = await specReads(() => import('../src/openapi-document.js'));
    expect(reads).toEqual([]);
    const first = mod.walkedSpec();
    expect(first.operations.length).toBeGreaterThan(0);
    expect(first.defaultBaseUrl).toMatch(/^https:\/\//);
    expect(mod.walkedSpec()).toBe(first);
  });

  test('openapiDocument reads as the plain loadOpenapiDocument() document: keys, members, JSON, `in`', async () => {
    const { openapiDocument, loadOpenapiDocument } = await import('../src/openapi-document.js');
    const plain = loadOpenapiDocument();
    expect(Object.keys(openapiDocument)).toEqual(Object.keys(plain));
    expect(openapiDocument.paths).toBe(plain.paths);
    expect('components' in openapiDocument).toBe(true);
    expect({ ...openapiDocument }).toEqual(plain);
    expect(JSON.stringify(openapiDocument)).toBe(JSON.stringify(plain));
  });

  test('the shipped file is the bundled spec ($refs kept), a fraction of the document it dereferences to', () => {
    const text = fs.readFileSync(shipped, 'utf8');
    const bundled = JSON.parse(text);
    expect(text).toContain('"$ref": "#/components/schemas/');
    expect(bundled['x-generated']).toMatch(/do not edit/);
    const full = JSON.stringify(dereferenceDocument(bundled));
    expect(full).not.toContain('"$ref"');
    expect(text.length * 3).toBeLessThan(full.length);
  });
});

describe('dereferenceDocument shares what a $ref names', () => {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

  test('every place gets its own top-level object (mark, siblings) over the one inlined target', () => {
    const doc = dereferenceDocument({
      components: {
        schemas: {
          Leaf: { type: 'object', properties: { id: { type: 'string' } } },
          A: { type: 'object', properties: { one: ref('Leaf'), two: { ...ref('Leaf'), description: 'second' } } },
        },
      },
    });
    const { one, two } = doc.components.schemas.A.properties;
    expect(one).toEqual({ type: 'object', properties: { id: { type: 'string' } }, 'x-component-name': 'Leaf' });
    expect(two.description).toBe('second');
    expect(one.description).toBeUndefined();
    expect(one).not.toBe(two);
    expect(one.properties).toBe(two.properties);
  });

  test('the input is left as it was (the marks go on copies), and a subtree with no $ref is not copied', () => {
    const input = { components: { schemas: { Leaf: { type: 'string', enum: ['a', 'b'] }, A: { type: 'array', items: ref('Leaf') } } } };
    const before = JSON.stringify(input);
    const doc = dereferenceDocument(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(doc.components.schemas.Leaf).toEqual({ type: 'string', enum: ['a', 'b'], 'x-component-name': 'Leaf' });
    expect(doc.components.schemas.A.items.enum).toBe(input.components.schemas.Leaf.enum);
  });

  test('a target met inside a cycle is inlined per place, so each place keeps the right $ref', () => {
    const doc = dereferenceDocument({
      components: {
        schemas: {
          A: { type: 'object', properties: { b: ref('B') } },
          B: { type: 'object', properties: { a: ref('A') } },
          C: { type: 'object', properties: { b: ref('B') } },
        },
      },
    });
    const { A, B, C } = doc.components.schemas;
    // Each place inlines until it meets a $ref it is already inside: B inside A inside B stays a $ref, and so on.
    expect(A.properties.b.properties.a.properties.b).toEqual(ref('B'));
    expect(B.properties.a.properties.b.properties.a).toEqual(ref('A'));
    expect(C.properties.b.properties.a.properties.b).toEqual(ref('B'));
  });
});
