// An S3-compatible server for the media store's tests (s3rver: S3's REST API over a folder, signatures checked
// with its fixed key pair S3RVER/S3RVER). Usage: node server.js <directory> <bucket>. Listens on 127.0.0.1 on a
// free port, prints {"port": N} as its first line once it accepts requests, and exits when its standard input
// closes, so a test process that dies (or is killed) never leaves it running.
'use strict';
const S3rver = require('s3rver');

const [directory, bucket] = process.argv.slice(2);
if (!directory || !bucket) {
  console.error('usage: node server.js <directory> <bucket>');
  process.exit(2);
}

const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  directory,
  silent: true,
  // Path-style only: the tests address 127.0.0.1, which has no bucket subdomains.
  vhostBuckets: false,
  configureBuckets: [{ name: bucket }],
});

server.run().then(({ port }) => {
  process.stdout.write(JSON.stringify({ port }) + '\n');
}, (err) => {
  console.error(`s3rver: ${err.message}`);
  process.exit(1);
});

process.stdin.resume();
process.stdin.on('end', () => server.close(() => process.exit(0)));
