// The comments of a TypedSQL file, parsed as the schema engine parses them:
//   -- @description Finds a user by email
//   -- @param {String} $1:email? the address, any case
// `{Type}` is a Prisma scalar or one of the schema's enums, `$n` the position, `:alias` the name
// in the generated function, a trailing `?` on the alias makes the parameter nullable.

const SCALAR_TYPES = {
  Int: 'int',
  BigInt: 'bigint',
  Float: 'float',
  Boolean: 'bool',
  String: 'string',
  DateTime: 'datetime',
  Json: 'json',
  Bytes: 'bytes',
  Decimal: 'decimal',
};

class SqlDocError extends Error {}

function fail(input, message) {
  return new SqlDocError(`SQL documentation parsing: ${message} at '${input}'.`);
}

function acceptedTypes(enumNames) {
  return [...Object.keys(SCALAR_TYPES), ...enumNames].map((name) => `'${name}'`).join(', ');
}

function parseParam(line, enumNames) {
  let rest = line.slice('@param'.length).trimStart();
  const param = {};

  const open = rest.indexOf('{');
  if (open !== -1) {
    const close = rest.indexOf('}');
    if (close === -1) throw fail(rest, 'missing closing bracket');
    const type = rest.slice(open + 1, close);
    if (!type) throw fail(rest, `missing type (accepted types are: ${acceptedTypes([])})`);
    param.typ = SCALAR_TYPES[type] ?? (enumNames.includes(type) ? type : undefined);
    if (!param.typ)
      throw fail(rest, `invalid type: '${type}' (accepted types are: ${acceptedTypes(enumNames)})`);
    rest = rest.slice(close + 1);
  }

  const trimmed = rest.trimStart();
  if (trimmed.startsWith('$')) {
    const end = trimmed.slice(1).search(/[: ]/);
    const digits = end === -1 ? trimmed.slice(1) : trimmed.slice(1, end + 1);
    if (!/^\d+$/.test(digits)) throw fail(rest, `invalid position. Expected a number found: ${digits}`);
    param.position = Number(digits);
    rest = end === -1 ? '' : trimmed.slice(end + 1);
  }

  const afterPosition = rest.trimStart();
  if (afterPosition.startsWith(':')) {
    const end = afterPosition.indexOf(' ');
    let alias = end === -1 ? afterPosition.slice(1) : afterPosition.slice(1, end);
    if (alias.endsWith('?')) {
      alias = alias.slice(0, -1);
      param.nullable = true;
    }
    param.alias = alias;
    rest = end === -1 ? '' : afterPosition.slice(end);
  }

  const documentation = rest.trim();
  if (documentation) param.documentation = documentation;

  if (Object.keys(param).length === 0) throw fail(line, 'invalid parameter: could not parse any information');
  if (param.position === undefined && param.alias === undefined) {
    throw fail(line, 'missing position or alias (eg: $1:alias)');
  }
  return param;
}

/**
 * @param {string} sql the file's text
 * @param {string[]} enumNames the schema's enum names, accepted as `{Type}`
 */
export function parseSqlDoc(sql, enumNames = []) {
  const parameters = [];
  let description;
  for (const raw of sql.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line.startsWith('--')) continue;
    const comment = line.slice(2).trimStart();
    if (comment.startsWith('@description')) {
      description = comment.slice('@description'.length).trim() || undefined;
    } else if (comment.startsWith('@param')) {
      const param = parseParam(comment, enumNames);
      const clash = parameters.some(
        (other) =>
          (param.position !== undefined && other.position === param.position) ||
          (param.alias !== undefined && other.alias === param.alias),
      );
      if (clash) throw fail(comment, 'duplicate parameter (position or alias is already used)');
      parameters.push(param);
    }
  }
  return {
    description,
    parameters,
    parameterAt: (position) => parameters.find((param) => param.position === position),
  };
}
