import { describeExampleStack } from './support/example';

describeExampleStack('prod');
