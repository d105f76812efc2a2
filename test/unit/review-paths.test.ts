/** Review scenarios, infrastructure, data, interfaces, structure and look-alikes: each a real temporary git repository. */
import { strict as assert } from 'node:assert';
import { scenario } from '../support/reviewHarness';

const K8S = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n';

describe('review scenarios: infrastructure, data, interfaces, structure', function () {
  this.timeout(30000);

  it('a changed Dockerfile is flagged; a comment-only Dockerfile change is not', async () => {
    assert.deepEqual(await scenario({ Dockerfile: 'FROM node:18\nCMD ["node", "a.js"]\n' }, { Dockerfile: 'FROM node:20\nCMD ["node", "a.js"]\n' }),
      ['infra-container Dockerfile undocumented']);
    assert.deepEqual(await scenario({ Dockerfile: 'FROM node:18\nCMD ["node", "a.js"]\n' }, { Dockerfile: '# The API image\nFROM node:18\n\nCMD ["node", "a.js"]\n' }), []);
  });

  it('compose files, Helm charts and Kubernetes manifests (by folder or by content) are flagged; other YAML is not', async () => {
    assert.deepEqual(await scenario({ 'src/a.js': '1\n' }, {
      'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n',
      'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n',
      'ops/api.yaml': K8S,
      'config/settings.yaml': 'log_level: debug\nfeatures:\n  kind: beta\n',
    }), [
      'infra-orchestration charts/api/Chart.yaml undocumented', 'infra-orchestration docker-compose.yml undocumented', 'infra-orchestration ops/api.yaml undocumented',
    ]);
  });

  it('Terraform, serverless configuration and CI pipelines are flagged', async () => {
    assert.deepEqual(await scenario({ 'infra/main.tf': 'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\n' }, {
      'infra/main.tf': 'resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\n\nresource "aws_sqs_queue" "q" {\n  name = "q"\n}\n',
      'serverless.yml': 'service: api\nprovider:\n  name: aws\n',
      '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n',
    }), ['ci-pipeline .github/workflows/ci.yml undocumented', 'infra-iac infra/main.tf undocumented', 'infra-serverless serverless.yml undocumented']);
  });

  it('infrastructure files under test fixtures and examples are not flagged', async () => {
    assert.deepEqual(await scenario({ 'src/a.js': '1\n' }, {
      'test/fixtures/Dockerfile': 'FROM alpine\n', 'examples/k8s/deploy.yaml': K8S, 'src/__tests__/docker-compose.yml': 'services: {}\n',
    }), []);
  });

  it('a new migration is flagged; an edited old migration and a data-only SQL change are not', async () => {
    assert.deepEqual(await scenario(
      { 'db/migrations/0001_init.sql': 'CREATE TABLE users (id int);\n', 'db/seed.sql': "INSERT INTO users VALUES (1);\n" },
      {
        'db/migrations/0001_init.sql': 'CREATE TABLE users (id int); -- first\n',
        'db/migrations/0002_orders.sql': 'CREATE TABLE orders (id int, user_id int);\n',
        'db/seed.sql': "INSERT INTO users VALUES (1);\nINSERT INTO users VALUES (2);\n",
      },
    ), ['data-migration db/migrations/0002_orders.sql undocumented']);
  });

  it('SQL DDL outside migrations and an ORM schema (Prisma) change are data-schema findings', async () => {
    assert.deepEqual(await scenario(
      { 'schema.sql': 'CREATE TABLE a (id int);\n', 'prisma/schema.prisma': 'model User {\n  id Int @id\n}\n' },
      { 'schema.sql': 'CREATE TABLE a (id int);\nALTER TABLE a ADD COLUMN name text;\n', 'prisma/schema.prisma': 'model User {\n  id Int @id\n  email String @unique\n}\n' },
    ), ['data-schema prisma/schema.prisma undocumented', 'data-schema schema.sql undocumented']);
  });

  it('OpenAPI, protobuf and GraphQL contracts are interface findings', async () => {
    assert.deepEqual(await scenario(
      { 'api/openapi.yaml': 'openapi: 3.0.0\npaths: {}\n', 'proto/user.proto': 'syntax = "proto3";\nmessage User { string id = 1; }\n' },
      {
        'api/openapi.yaml': 'openapi: 3.0.0\npaths:\n  /users: {}\n',
        'proto/user.proto': 'syntax = "proto3";\nmessage User { string id = 1; string email = 2; }\n',
        'api/schema.graphql': 'type Query { me: User }\n',
        'docs/api/spec.json': '{ "openapi": "3.1.0", "paths": {} }\n',
      },
    ), [
      'interface-contract api/openapi.yaml undocumented', 'interface-contract api/schema.graphql undocumented', 'interface-contract docs/api/spec.json undocumented',
      'interface-contract proto/user.proto undocumented',
    ]);
  });

  it('a new top-level module and a new service under services/ are flagged; new docs and tests folders are not', async () => {
    assert.deepEqual(await scenario({ 'services/api/main.go': 'package main\n', 'README.md': '# x\n' }, {
      'billing/index.ts': 'export {};\n', 'services/mailer/main.go': 'package main\n', 'services/api/handler.go': 'package main\n',
      'docs/guide.md': '# Guide\n', 'tests/e2e.spec.ts': 'it()\n', 'notes/README.md': '# notes\n',
    }), ['module-added billing undocumented', 'module-added services/mailer undocumented']);
  });

  it('a whole module deleted is flagged; deleting some of its files is not', async () => {
    assert.deepEqual(await scenario(
      { 'packages/a/index.ts': '1\n', 'packages/a/util.ts': '2\n', 'packages/b/index.ts': '3\n', 'packages/b/old.ts': '4\n' },
      { 'packages/a/index.ts': null, 'packages/a/util.ts': null, 'packages/b/old.ts': null },
    ), ['module-removed packages/a undocumented']);
  });

  it('look-alikes: README, docs, tests and source edits, a lock file and a code file named like infrastructure are not flagged', async () => {
    assert.deepEqual(await scenario(
      { 'README.md': '# App\n', 'src/app.ts': 'export const a = 1;\n', 'src/app.test.ts': 'test()\n', 'package-lock.json': '{}\n' },
      {
        'README.md': '# App\n\nUses Docker, Kubernetes and Terraform.\n', 'src/app.ts': 'export const a = 2;\n', 'src/app.test.ts': 'test(); test()\n',
        'package-lock.json': '{"lockfileVersion": 3}\n', 'src/dockerfile-parser.ts': 'export {};\n', 'src/migrations.ts': 'export const m = [];\n',
      },
    ), []);
  });
});
