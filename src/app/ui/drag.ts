/** The drag data that carries a role from the palette to the canvas. */
export const ROLE_MIME = 'application/x-portolan-role';
