/** The built-in review rules: id, family, title, rationale and default severity. */
import type { RuleInfo } from '../types';

const rule = (id: string, family: RuleInfo['family'], severity: RuleInfo['severity'], title: string, rationale: string): RuleInfo =>
  ({ id, family, severity, title, rationale });

export const BUILTIN_RULES: readonly RuleInfo[] = [
  rule('dependency-added', 'dependencies', 'warning', 'New runtime dependency',
    'A new library ships with the product: its licence, maintenance, security record and the lock-in it brings are a decision.'),
  rule('dependency-removed', 'dependencies', 'warning', 'Runtime dependency removed',
    'Dropping a library changes what the product is built on; record what replaced it and why.'),
  rule('dependency-version', 'dependencies', 'warning', 'Dependency major version change',
    'A major version brings breaking changes and often a new way of working; record the move and its consequences.'),
  rule('infra-container', 'infrastructure', 'warning', 'Container image definition',
    'How the product is packaged and run (base image, runtime, exposed ports) shapes operations and security.'),
  rule('infra-orchestration', 'infrastructure', 'warning', 'Deployment topology (Compose, Kubernetes, Helm)',
    'Services, their wiring, scaling and resources are architecture that lives outside the code.'),
  rule('infra-iac', 'infrastructure', 'warning', 'Infrastructure as code (Terraform, OpenTofu, Pulumi, CloudFormation)',
    'Cloud resources, networks and their cost are long-lived decisions.'),
  rule('infra-serverless', 'infrastructure', 'warning', 'Serverless or platform configuration',
    'Functions, triggers and hosting platforms decide how the product runs and scales.'),
  rule('ci-pipeline', 'infrastructure', 'info', 'Delivery pipeline',
    'How changes are built, tested and released is part of the architecture of delivery.'),
  rule('ci-delivery', 'infrastructure', 'warning', 'Delivery change (publish or deploy)',
    'Where a pipeline publishes images and packages or deploys to (a registry, a package index, an environment) decides what reaches users, who can release it and how it is rolled back.'),
  rule('data-migration', 'data', 'warning', 'New database migration',
    'Schema changes outlive the code that made them and are hard to undo.'),
  rule('data-schema', 'data', 'warning', 'Data schema change (SQL DDL, ORM schema)',
    'Tables, columns and relations are contracts between code, data and the people who query it.'),
  rule('interface-contract', 'interfaces', 'warning', 'Interface contract (OpenAPI, protobuf, GraphQL, AsyncAPI)',
    'Other teams and systems build on these contracts; changing them is a decision with consumers.'),
  rule('interface-public-api', 'interfaces', 'info', 'Public API surface',
    'The published API report changed: what consumers can rely on moved.'),
  rule('module-added', 'structure', 'warning', 'New module, package or service',
    'A new top-level unit changes how the system is cut up and who owns what.'),
  rule('module-removed', 'structure', 'warning', 'Module, package or service removed',
    'Removing a whole unit changes the system\'s shape; record where its responsibilities went.'),
  rule('governed-code', 'governed', 'info', 'Code governed by a decision',
    'An in-force decision record governs this code: review the change against it.'),
];

export const BUILTIN_BY_ID: ReadonlyMap<string, RuleInfo> = new Map(BUILTIN_RULES.map((r) => [r.id, r]));

/** Paths no built-in rule looks at: tests and their fixtures, example code. */
export const TEST_GLOBS = [
  '**/{test,tests,__tests__,spec,specs,testdata,test-data,fixtures,__fixtures__,__mocks__,e2e}/**',
  '**/*.{test,spec}.*', '**/*_test.go', '**/test_*.py', '**/*_test.py', '**/*Test.java', '**/*Tests.cs',
  '**/{example,examples,sample,samples}/**',
];
