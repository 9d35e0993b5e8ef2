'use strict';
// A minimal stand-in for `pulumi-language-nodejs`, the Go language host that the Pulumi CLI
// starts to run a Node.js program. That host has no release of its own on the Go module proxy,
// so the end-to-end test runs this one. It serves pulumirpc.LanguageRuntime on 127.0.0.1, prints
// its port, reports no plugins to install, and runs the program with @pulumi/pulumi's own
// `cmd/run`, passing the stack configuration through the same environment variables the real
// host sets. It implements only what preview, up, refresh and destroy call.
//
// Usage (as the CLI starts it): node language-host.js <engine address>
const { spawn } = require('node:child_process');
const { createRequire } = require('node:module');
const { join } = require('node:path');

const sdkRoot = join(__dirname, '..', '..', '..', 'node_modules', '@pulumi', 'pulumi');
const sdkRequire = createRequire(join(sdkRoot, 'package.json'));
const grpc = sdkRequire('@grpc/grpc-js');
const languageGrpc = sdkRequire('./proto/language_grpc_pb');
const languageProto = sdkRequire('./proto/language_pb');
const pluginProto = sdkRequire('./proto/plugin_pb');
const { version } = sdkRequire('./version');

/** Exit code of cmd/run after it has logged an error the user can act on. */
const EXIT_ERROR_LOGGED = 32;

const engineAddress = process.argv[process.argv.length - 1];

function unimplemented(name) {
  return (_call, callback) => callback({ code: grpc.status.UNIMPLEMENTED, details: `${name} is not implemented by this language host` });
}

function runOptions(info) {
  const options = info && info.getOptions() ? info.getOptions().toJavaScript() : {};
  return { typescript: options.typescript !== false };
}

/** Runs the program with cmd/run, the way the real host does, and reports how it ended. */
function run(call, callback) {
  const request = call.request;
  const info = request.getInfo();
  const programDirectory = info ? info.getProgramDirectory() : request.getPwd();
  const rootDirectory = info ? info.getRootDirectory() : request.getPwd();

  const args = [
    join(sdkRoot, 'cmd', 'run'),
    `--monitor=${request.getMonitorAddress()}`,
    `--engine=${engineAddress}`,
    `--organization=${request.getOrganization()}`,
    `--project=${request.getProject()}`,
    `--root-directory=${rootDirectory}`,
    `--stack=${request.getStack()}`,
    `--pwd=${programDirectory}`,
    `--parallel=${request.getParallel()}`,
  ];
  if (request.getDryrun()) args.push('--dry-run');
  args.push(info && info.getEntryPoint() ? info.getEntryPoint() : '.', ...request.getArgsList());

  const config = {};
  for (const [key, value] of request.getConfigMap().entries()) config[key] = value;
  const env = {
    ...process.env,
    PULUMI_CONFIG: JSON.stringify(config),
    PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(request.getConfigsecretkeysList()),
    PULUMI_NODEJS_TYPESCRIPT: String(runOptions(info).typescript),
  };

  const child = spawn(process.execPath, args, { cwd: programDirectory, env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('error', (error) => {
    const response = new languageProto.RunResponse();
    response.setError(`Could not start the program: ${error.message}`);
    callback(null, response);
  });
  child.on('exit', (code, signal) => {
    const response = new languageProto.RunResponse();
    if (code === EXIT_ERROR_LOGGED) response.setBail(true);
    else if (code !== 0) response.setError(`Program exited with ${signal ? `signal ${signal}` : `code ${code}`}`);
    callback(null, response);
  });
}

function main() {
  const server = new grpc.Server();
  server.addService(languageGrpc.LanguageRuntimeService, {
    handshake: unimplemented('Handshake'),
    getRequiredPlugins: (_call, callback) => callback(null, new languageProto.GetRequiredPluginsResponse()),
    getRequiredPackages: (_call, callback) => callback(null, new languageProto.GetRequiredPackagesResponse()),
    run,
    getPluginInfo: (_call, callback) => callback(null, new pluginProto.PluginInfo().setVersion(version)),
    installDependencies: (call) => call.end(),
    runtimeOptionsPrompts: unimplemented('RuntimeOptionsPrompts'),
    template: unimplemented('Template'),
    about: (_call, callback) => callback(null, new languageProto.AboutResponse().setExecutable(process.execPath).setVersion(process.version)),
    getProgramDependencies: (_call, callback) => callback(null, new languageProto.GetProgramDependenciesResponse()),
    runPlugin: (call) => call.emit('error', { code: grpc.status.UNIMPLEMENTED, details: 'RunPlugin is not implemented by this language host' }),
    generateProgram: unimplemented('GenerateProgram'),
    generateProject: unimplemented('GenerateProject'),
    generatePackage: unimplemented('GeneratePackage'),
    pack: unimplemented('Pack'),
    link: unimplemented('Link'),
    cancel: (_call, callback) => callback(null, new (sdkRequire('google-protobuf/google/protobuf/empty_pb').Empty)()),
  });

  server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
    if (error) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`${port}\n`);
  });
}

main();
