import type { AttributeSchema, BlockSchema, ValueType } from '../schema';
import type { Schema, SchemaAttribute } from '../protocol';

/** Converts a schema definition to the protocol's Schema message. */
export function schemaMessage(block: BlockSchema): Schema {
  return {
    version: block.version,
    block: {
      version: block.version,
      attributes: block.attributes.map(attributeMessage),
      block_types: [],
      description: block.description,
      description_kind: 'PLAIN',
    },
  };
}

function attributeMessage(attribute: AttributeSchema): SchemaAttribute {
  const base = {
    name: attribute.name,
    description: attribute.description,
    description_kind: 'PLAIN' as const,
    required: attribute.required === true,
    optional: attribute.optional === true,
    computed: attribute.computed === true,
    sensitive: attribute.sensitive === true,
  };

  if (attribute.nested) {
    return {
      ...base,
      nested_type: {
        attributes: attribute.nested.attributes.map(attributeMessage),
        nesting: attribute.nested.nesting === 'single' ? 'SINGLE' : 'LIST',
      },
    };
  }

  return { ...base, type: Buffer.from(JSON.stringify(typeJson(attribute.type as ValueType))) };
}

/** Returns the JSON form of a type that the engine reads: "string", ["set","string"], ["object",{...}]. */
export function typeJson(type: ValueType): unknown {
  if (typeof type === 'string') return type;
  if ('set' in type) return ['set', typeJson(type.set)];
  if ('list' in type) return ['list', typeJson(type.list)];
  if ('map' in type) return ['map', typeJson(type.map)];

  const attributes: Record<string, unknown> = {};
  for (const [name, attributeType] of Object.entries(type.object)) attributes[name] = typeJson(attributeType);
  return ['object', attributes];
}
