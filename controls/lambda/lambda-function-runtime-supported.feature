# controlbot: request-sha256=eccb69ef920fc6ec011d597bd9659233f100014d6c63515e75bf372281f8bf16 provider=human model=- prompt=-
@control:lambda-function-runtime-supported @service:lambda @severity:medium @category:patching-runtime
@maps:NIST-800-53:SI-2
Feature: Lambda functions do not run on a deprecated runtime
  Functions packaged as .zip archives must use a runtime that is not past its deprecation date.

  Background:
    Given the resources listed by "lambda.ListFunctions" at "Functions" identified by "FunctionArn"

  Scenario: the runtime is still supported
    When only resources where "PackageType" is "Zip"
    Then "Runtime" must not be one of ["nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x", "python2.7", "python3.6", "python3.7", "python3.8", "python3.9", "java8", "ruby2.5", "ruby2.7", "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet6", "go1.x", "provided"]
