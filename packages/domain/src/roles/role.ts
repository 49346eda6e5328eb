import { ValidationError } from '../shared/common.errors';
import { requireText } from '../shared/text';
import { RoleId } from './role-id';

const ROLE_NAME_PATTERN = /^[a-z][a-z0-9_-]{0,99}$/;
const PERMISSION_PATTERN = /^[a-z][a-z0-9_-]*(?::[a-z0-9_*-]+)+$/;

export interface RoleProps {
  readonly id: RoleId;
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly string[];
}

/** Permissions are kept de-duplicated and sorted, so two roles with the same grants compare equal. */
export class Role {
  readonly id: RoleId;
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly string[];

  private constructor(props: RoleProps) {
    if (typeof props.name !== 'string' || !ROLE_NAME_PATTERN.test(props.name)) {
      throw new ValidationError('name', 'must be 1-100 lower-case letters, digits, "-" or "_"');
    }
    for (const permission of props.permissions) {
      if (typeof permission !== 'string' || !PERMISSION_PATTERN.test(permission)) {
        throw new ValidationError(
          'permissions',
          `"${String(permission)}" is not of the form resource:action`,
        );
      }
    }
    this.id = props.id;
    this.name = props.name;
    this.description = requireText(props.description, 'description', { min: 0, max: 2000 });
    this.permissions = Object.freeze([...new Set(props.permissions)].sort());
    Object.freeze(this);
  }

  static create(input: Omit<RoleProps, 'id'>): Role {
    return new Role({ ...input, id: RoleId.random() });
  }

  static reconstitute(props: RoleProps): Role {
    return new Role(props);
  }

  grants(permission: string): boolean {
    return this.permissions.includes(permission);
  }
}
