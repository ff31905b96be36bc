import {
  moveItems,
  objectPrefixProblem,
  resizeZone,
  setObjectPrefix,
  updateHost,
  updateZone,
  visibleText,
  zoneRect,
  type ChangeRequest,
  type RoleId,
  type Trust,
} from '../../domain';
import { defineCommand } from './command';
import { explainZoneRefusal } from './zone';

/*
 * Edits typed or picked in the side panel's fields and the grouped rules' names: a host's name,
 * address, roles and zone; a zone's name, trust and box; the change request and object prefix; an
 * address group's name. Typing in one field makes one undo step. Only those panels use them, so
 * this code loads with them and they register it (registerCommands in registry.ts), keeping the
 * first load within its budget.
 */
export const FIELD_COMMANDS = {
  /** A field of the change request printed on the PDF's cover; an empty field is dropped. */
  setRequestField: defineCommand<{ field: keyof ChangeRequest; value: string }>({
    id: 'setRequestField',
    label: 'Change request details',
    perform: (s, { field, value }) => {
      const next: ChangeRequest = { ...s.plan.changeRequest, [field]: value };
      for (const k of Object.keys(next) as (keyof ChangeRequest)[]) if (!next[k]) delete next[k];
      const { changeRequest: _old, ...rest } = s.plan;
      return s.commit(Object.keys(next).length ? { ...rest, changeRequest: next } : rest, {
        mergeKey: `cr:${field}`,
      });
    },
  }),
  /**
   * The prefix of every name the firewall files create; empty goes back to the default made from
   * the plan's name. False, changing nothing, when the prefix is refused (see objectPrefixProblem).
   */
  changeObjectPrefix: defineCommand<{ prefix: string | undefined }>({
    id: 'changeObjectPrefix',
    label: 'Object prefix',
    perform: (s, { prefix }) => {
      const value = prefix?.trim() || undefined;
      if (value !== undefined && objectPrefixProblem(value) !== null) return false;
      return s.commit(setObjectPrefix(s.plan, value), { mergeKey: 'cr:objectPrefix' });
    },
  }),
  /** Names an address group of the grouped rules (the name is checked by the form first). */
  renameGroup: defineCommand<{ key: string; name: string; keep: readonly (readonly [string, string])[] }>({
    id: 'renameGroup',
    label: 'Rename group',
    perform: (s, { key, name, keep }) =>
      s.commit({ ...s.plan, groupNames: { ...Object.fromEntries(keep), [key]: name } }),
  }),
  /** Typing in the name field makes one undo step; an empty name is not kept. */
  renameHost: defineCommand<{ id: string; name: string }>({
    id: 'renameHost',
    label: 'Rename host',
    perform: (s, { id, name }) => {
      const value = name.trim();
      return value !== '' && s.commit(updateHost(s.plan, id, { name: value }), { mergeKey: `name:${id}` });
    },
  }),
  /** An address already checked by the field (empty: none); typing makes one undo step. */
  setHostAddress: defineCommand<{ id: string; address: string | undefined }>({
    id: 'setHostAddress',
    label: 'Host address',
    perform: (s, { id, address }) =>
      s.commit(updateHost(s.plan, id, { address: address || undefined }), { mergeKey: `address:${id}` }),
  }),
  setHostRoles: defineCommand<{ id: string; roles: RoleId[] }>({
    id: 'setHostRoles',
    label: 'Host roles',
    enabled: (_s, { roles }) => roles.length > 0,
    perform: (s, { id, roles }) => s.commit(updateHost(s.plan, id, { roles })),
  }),
  /** Puts a host in a zone (undefined: none); says why when the zone is full. */
  setHostZone: defineCommand<{ id: string; zone: string | undefined }>({
    id: 'setHostZone',
    label: 'Host zone',
    perform: (s, { id, zone }) => {
      const to = s.plan.zones.find((z) => z.id === zone);
      const next = updateHost(s.plan, id, { zone: to?.id });
      if (next !== s.plan) return s.commit(next);
      const host = s.plan.hosts.find((h) => h.id === id);
      if (to && host) {
        s.notify({
          tone: 'info',
          title: `${visibleText(host.name)} stays in its zone: ${visibleText(to.name)} is full.`,
          detail: `${visibleText(to.name)} cannot grow without covering another zone. Make it larger or move the zones next to it first.`,
        });
      }
      return false;
    },
  }),
  /**
   * Puts several hosts in one zone (undefined: none), one undo step; those the zone has no room
   * for stay where they are, and the person is told how many.
   */
  setHostsZone: defineCommand<{ ids: readonly string[]; zone: string | undefined }>({
    id: 'setHostsZone',
    label: 'Zone of the selected hosts',
    perform: (s, { ids, zone }) => {
      const to = s.plan.zones.find((z) => z.id === zone);
      let next = s.plan;
      let stayed = 0;
      for (const id of ids) {
        const host = next.hosts.find((h) => h.id === id);
        if (!host || host.zone === to?.id) continue;
        const moved = updateHost(next, id, { zone: to?.id });
        if (moved === next) stayed++;
        next = moved;
      }
      if (stayed && to)
        s.notify({
          tone: 'info',
          title: `${stayed} host${stayed === 1 ? '' : 's'} stayed in ${stayed === 1 ? 'its zone' : 'their zones'}: ${visibleText(to.name)} is full.`,
          detail: `${visibleText(to.name)} cannot grow without covering another zone.`,
        });
      return next !== s.plan && s.commit(next);
    },
  }),
  /**
   * Gives a role to every one of several hosts, or takes it from every one, one undo step. Taking
   * it is refused when a host would be left with no role.
   */
  setHostsRole: defineCommand<{ ids: readonly string[]; role: RoleId; on: boolean }>({
    id: 'setHostsRole',
    label: 'Role of the selected hosts',
    enabled: (s, { ids, role, on }) =>
      on || s.plan.hosts.every((h) => !ids.includes(h.id) || h.roles.some((r) => r !== role)),
    perform: (s, { ids, role, on }) => {
      let next = s.plan;
      for (const id of ids) {
        const host = next.hosts.find((h) => h.id === id);
        if (!host || host.roles.includes(role) === on) continue;
        next = updateHost(next, id, {
          roles: on ? [...host.roles, role] : host.roles.filter((r) => r !== role),
        });
      }
      return next !== s.plan && s.commit(next);
    },
  }),
  /** Typing in the name field makes one undo step; an empty name is not kept. */
  renameZone: defineCommand<{ id: string; name: string }>({
    id: 'renameZone',
    label: 'Rename zone',
    perform: (s, { id, name }) => {
      const value = name.trim();
      return (
        value !== '' && s.commit(updateZone(s.plan, id, { name: value }), { mergeKey: `zone-name:${id}` })
      );
    },
  }),
  setZoneTrust: defineCommand<{ id: string; trust: Trust }>({
    id: 'setZoneTrust',
    label: 'Zone trust',
    perform: (s, { id, trust }) => s.commit(updateZone(s.plan, id, { trust })),
  }),
  /**
   * One side of a zone's box typed in the panel (x, y, width or height); typing makes one undo
   * step. Refused when it would cover another zone, saying so.
   */
  setZoneBox: defineCommand<{ id: string; axis: 'x' | 'y' | 'width' | 'height'; value: number }>({
    id: 'setZoneBox',
    label: 'Zone position and size',
    perform: (s, { id, axis, value }) => {
      const zone = s.plan.zones.find((z) => z.id === id);
      if (!zone) return false;
      const { position, size } = zoneRect(zone);
      const next =
        axis === 'x' || axis === 'y'
          ? moveItems(s.plan, [{ id, position: { ...position, [axis]: value } }])
          : resizeZone(s.plan, id, position, { ...size, [axis]: value });
      if (next === s.plan) {
        explainZoneRefusal(s, id, { ...position, ...size, [axis]: value });
        return false;
      }
      return s.commit(next, { mergeKey: `zone-${axis}:${id}` });
    },
  }),
};
