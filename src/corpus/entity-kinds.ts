/** How pages name the kinds of entity. */
import type { EntityKind } from './analysis-schema';

export const ENTITY_KIND_LABEL: Record<EntityKind, { plural: string; singular: string }> = {
  person: { plural: 'People', singular: 'Person' },
  organization: { plural: 'Organisations', singular: 'Organisation' },
  place: { plural: 'Places', singular: 'Place' },
};
