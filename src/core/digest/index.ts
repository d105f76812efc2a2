/** The decision digest of a period (see collect.ts), and its formats. */
export * from './types';
export { collectDigest, DigestError, parseSince, prOf, type DigestOptions, type DigestResult, type Since } from './collect';
export { DIGEST_FORMATS, formatDigest, formatDigestHtml, formatDigestJson, formatDigestMarkdown, githubLinks, type DigestFormat, type DigestLinks } from './format';
