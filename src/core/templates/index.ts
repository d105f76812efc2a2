/** Templates for new records: the built-in ones, a collection's own, and rendering. */
export { TEMPLATE_KINDS, defaultTemplateKind, sniffTemplate, templateInfo, type TemplateInfo, type TemplateKind } from './kinds';
export { renderTemplate, renderText, type RelationLine, type RenderStyle, type RenderValues } from './render';
export { COLLECTION_TEMPLATE_NAMES, builtin, resolveTemplate, type ResolvedTemplate, type TemplateChoice } from './registry';
export { NYGARD_INIT_TEMPLATE, NYGARD_TEMPLATE } from './nygard';
export { MADR_BARE_MINIMAL_TEMPLATE, MADR_BARE_TEMPLATE, MADR_FULL_TEMPLATE, MADR_MINIMAL_TEMPLATE } from './madr';
export { LOG4BRAINS_TEMPLATE, MADR2_TEMPLATE } from './madr2';
export { initRecord, type InitRecord } from './init';
