import * as cdktf from 'cdktf';

/** One attribute as cdktf's HCL renderer (`SYNTH_HCL_OUTPUT=true`) expects it. */
export interface HclAttribute {
  readonly value: unknown;
  readonly isBlock: boolean;
  readonly type: 'simple' | 'set' | 'any';
  readonly storageClassType: string;
}

/** Describes a string attribute for the HCL renderer. */
export function stringHcl(value: string | undefined): HclAttribute {
  return { value: cdktf.stringToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'string' };
}

/** Describes a boolean attribute for the HCL renderer. */
export function booleanHcl(value: boolean | cdktf.IResolvable | undefined): HclAttribute {
  return { value: cdktf.booleanToHclTerraform(value), isBlock: false, type: 'simple', storageClassType: 'boolean' };
}

/** Describes a set-of-strings attribute for the HCL renderer. */
export function stringSetHcl(value: string[] | undefined): HclAttribute {
  return { value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(value), isBlock: false, type: 'set', storageClassType: 'stringList' };
}

/** Drops the attributes that are not set, as the renderer requires. */
export function hclAttributes(attributes: Record<string, HclAttribute>): { [name: string]: HclAttribute } {
  return Object.fromEntries(Object.entries(attributes).filter(([, attribute]) => attribute.value !== undefined));
}
