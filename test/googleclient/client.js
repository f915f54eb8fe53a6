// Runs Google's own Fact Check Tools client (@googleapis/factchecktools, a
// pinned devDependency) against our server and prints what it saw as JSON,
// for googleclient_test.go to check.
//
//   node client.js ROOT_URL < calls.json > results.json
//
// calls.json is a list of {"name", "params", "toEnd"}: each call runs
// claims.search with params and, when toEnd is set, follows nextPageToken
// until it is absent, as a client paging through every result does.
//
// The client may reach nothing but ROOT_URL: every TCP connection Node opens
// goes through net.Socket#connect, which refuses any other host or port,
// and DNS lookups are refused outright (the root is an IP address). Refused
// attempts are reported, so the test fails on them instead of hanging.
'use strict';

const net = require('node:net');
const dns = require('node:dns');

const root = new URL(process.argv[2]);
const refused = [];

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // Node passes either (options | port, host | path) or one normalised array.
  let [opts, host] = Array.isArray(args[0]) ? args[0] : args;
  if (typeof opts !== 'object' || opts === null) opts = {port: opts, host};
  const target = `${opts.host ?? opts.path}:${opts.port}`;
  if (opts.host !== root.hostname || String(opts.port) !== root.port) {
    refused.push(target);
    throw new Error(`client.js: network access refused: ${target}`);
  }
  return connect.apply(this, args);
};
dns.lookup = (hostname, ...rest) => {
  refused.push(`dns:${hostname}`);
  rest.at(-1)(new Error(`client.js: DNS lookup refused: ${hostname}`));
};

const {factchecktools} = require('@googleapis/factchecktools');

// rootUrl is the documented way to point a googleapis client elsewhere.
// An API key, as code written for Google's service passes one: the client
// sends it as the "key" parameter, which our server ignores.
const client = factchecktools({version: 'v1alpha1', rootUrl: root.href, auth: 'test-api-key'});

const maxPages = 1000;

async function run(call) {
  const pages = [];
  let params = call.params;
  for (;;) {
    let res;
    try {
      res = await client.claims.search(params);
    } catch (e) {
      // GaxiosError: status is the HTTP status; cause is the error object
      // of the body, read per Google's AIP-193 ({code, message, status}).
      return {name: call.name, pages, error: {
        name: e.name, message: e.message, httpStatus: e.status ?? null,
        code: e.code ?? null, status: e.cause?.status ?? null,
      }};
    }
    pages.push({
      url: String(res.config.url),
      claims: res.data.claims ?? [],
      nextPageToken: res.data.nextPageToken ?? '',
    });
    if (!call.toEnd || !res.data.nextPageToken) return {name: call.name, pages};
    if (pages.length >= maxPages) {
      return {name: call.name, pages, error: {name: 'client.js', message: `paging did not end after ${maxPages} pages`}};
    }
    params = {...call.params, pageToken: res.data.nextPageToken};
  }
}

async function main() {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const results = [];
  for (const call of JSON.parse(input)) results.push(await run(call));
  process.stdout.write(JSON.stringify({results, refused}));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
