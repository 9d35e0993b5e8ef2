import { describeExampleStack } from './support/example';

describeExampleStack('staging');
