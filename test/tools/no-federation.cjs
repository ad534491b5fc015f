/**
 * Preloaded (`node --require`) into a tool's process by test/frontend-tools.test.ts: no federation
 * package (@apollo/*) can be loaded in it, by require or import, though node_modules holds them,
 * so a tool that reads schema.graphql is shown to need none.
 */
const Module = require('node:module');

const federation = /^@apollo\//;
const refuse = (specifier) =>
  Object.assign(new Error(`Cannot find module '${specifier}' (no federation package in this process)`), {
    code: 'MODULE_NOT_FOUND',
  });

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (federation.test(request)) throw refuse(request);
  return resolveFilename.call(this, request, ...rest);
};

const hook = `export async function resolve(specifier, context, next) {
  if (${federation}.test(specifier)) throw Object.assign(new Error('Cannot find package ' + specifier + ' (no federation package in this process)'), { code: 'ERR_MODULE_NOT_FOUND' });
  return next(specifier, context);
}`;
Module.register(`data:text/javascript,${encodeURIComponent(hook)}`);
