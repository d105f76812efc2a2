/** `collection` uses the collection's own dialect (or its template file). */
export type TemplateKindSetting = 'collection' | 'nygard' | 'madr-full' | 'madr-minimal' | 'madr-bare' | 'madr-bare-minimal' | 'log4brains';
