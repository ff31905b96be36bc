/** The drag data that carries a role (or "firewall", a device) from the palette to the canvas. */
export const ROLE_MIME = 'application/x-portolan-role';
