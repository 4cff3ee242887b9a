// The report's shape is the domain's (libs/domain/reporting/report-document): the repository that
// builds it and the renderers that read it share the one definition.
export * from '../domain/reporting/report-document';
