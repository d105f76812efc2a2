/** The decision digest of a period (see collect.ts), and its formats. */
export * from './types';
export { collectDigest, DigestError, parseSince, prOf, type DigestOptions, type DigestResult, type Since } from './collect';
export { DIGEST_FORMATS, digestHeading, digestSections, digestSummary, formatDigest, formatDigestHtml, formatDigestJson, formatDigestMarkdown, githubLinks, type DigestFormat, type DigestInline, type DigestLinks, type DigestSection } from './format';
