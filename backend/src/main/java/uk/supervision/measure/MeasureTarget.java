package uk.supervision.measure;

import uk.supervision.api.model.MeasureScopeKind;

/**
 * What a set of measures is about, resolved and checked: the directorate (id null), a service, a team or a person.
 *
 * @param serviceId     the service of a team, or of a person at present (null for the directorate and a service)
 * @param aggregateOnly the caller sees figures only: small groups suppressed (elected members, machine clients,
 *                      managers looking outside their own scope)
 */
public record MeasureTarget(MeasureScopeKind kind, String organisationId, String id, String name, String serviceId,
                            boolean aggregateOnly) {
}
