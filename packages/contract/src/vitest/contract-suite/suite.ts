import type { WalkedOperation } from '@twilio-proxy/types/walker';
import { beforeAll, describe } from 'vitest';
import { specOperation, specOperations } from '../../internal/walked-spec.js';
import { defineWriteTests } from '../write-suite.js';
import { commonTests } from './common-tests.js';
import { fetchTests } from './fetch-tests.js';
import { listTests } from './list-tests.js';
import { type ContractSuiteOptions, FULL_CAPABILITIES, type SuiteCapabilities, type TargetCapabilities } from './options.js';
import { targetSession } from './probe.js';

/** The GET operations a suite covers: lists, and fetches of one item. */
function suiteOperations(operationId: string | undefined): WalkedOperation[] {
  if (operationId !== undefined) {
    const op = specOperation(operationId);
    if (op.method !== 'GET') throw new Error(`${operationId} is a ${op.method}: the contract suite is read-only and tests GET operations`);
    return [op];
  }
  return [...specOperations().values()].filter((op) => op.method === 'GET');
}

/**
 * Registers contract tests for one target: per list operation the paging invariants, per fetch operation
 * 200 for a listed item, 404 for an unknown SID and 400/404 for a malformed one, and for both 401 without or
 * with wrong credentials and 404 under an unknown parent. Read-only unless `writes` is set: then every write
 * operation is tested too (see `writeTests`), else each is registered as skipped.
 */
export function defineContractSuite(options: ContractSuiteOptions): void {
  const given = options.capabilities ?? {};
  const caps: SuiteCapabilities = {
    omitUnsupported: options.unsupported === 'omit',
    ...FULL_CAPABILITIES,
    ...(given.unknownServiceNotFound !== undefined ? { unknownParentNotFound: given.unknownServiceNotFound } : {}),
    ...given,
  };
  const ops = suiteOperations(options.operationId);
  const s = targetSession(options, caps);
  const left = [
    ...(Object.keys(FULL_CAPABILITIES) as (keyof TargetCapabilities)[]).filter((k) => !caps[k]),
    ...(options.writes ? [] : ['writes']),
  ];
  const named = caps.omitUnsupported && left.length ? `${options.name} (not run on this target: ${left.join(', ')})` : options.name;
  const title = options.skip ? `${options.name} (skipped: ${options.skip})` : named;
  const suite = options.skip ? describe.skip : describe;

  suite(title, () => {
    beforeAll(async () => {
      s.setTarget(await options.target());
    });
    for (const op of ops) {
      describe(`${op.operationId} (${op.method} ${op.path})`, () => {
        if (op.list) listTests(op, s, caps, options);
        else if (op.pathParams.length > s.collectionOf(op).parentParams.length) fetchTests(op, s, caps);
        else commonTests(op, s.collectionOf(op), s, caps);
      });
    }
    if (!options.operationId && (options.writes || !caps.omitUnsupported)) defineWriteTests(s, options.writes === true);
  });
}
