"""The fixtures of benchmarks/varied.yaml: which entries are built on moto, how, and why the others are not."""

from __future__ import annotations

import argparse
import sys

from benchmarks import varied_fixtures_analytics as analytics
from benchmarks import varied_fixtures_data as data
from benchmarks import varied_fixtures_edge as edge
from benchmarks import varied_fixtures_network as network
from benchmarks import varied_fixtures_platform as platform
from benchmarks.varied_moto import AccountFixture, Fixture

# Per-resource fixtures: both sides live on one server, every control of the run is checked at once.
FIXTURES: dict[str, Fixture] = {
    **edge.EKS,
    **edge.CLOUDFRONT,
    **edge.APIGATEWAY,
    **edge.WAFV2,
    **network.ELBV2,
    **network.EC2,
    **data.MESSAGING,
    **data.RDS,
    **data.S3,
    **data.STORES,
    **analytics.ANALYTICS,
    **platform.IDENTITY,
    **platform.RUNTIME,
    **platform.CONTAINERS,
    **platform.SERVICES,
}

# One setting per account and region: the two states cannot live side by side, so each is made on its own
# fresh server and every finding of the control counts.
ACCOUNT_LEVEL: dict[str, AccountFixture] = dict(platform.ACCOUNT_LEVEL)

NO_CONFIGURATION_SETTINGS = (
    "moto 5.2.5 does not implement elasticbeanstalk.DescribeConfigurationSettings (NotImplementedError), the only "
    "read call that returns an environment's OptionSettings"
)
SKIPPED: dict[str, str] = {
    "route53-public-zone-query-logging": (
        "moto 5.2.5's ListQueryLoggingConfigs answers every zone's configurations whatever HostedZoneId says, so "
        "a zone without query logging looks logged"
    ),
    "eks-nodegroup-no-ssh-remote-access": (
        "moto 5.2.5 gives every node group remoteAccess {ec2SshKey: eksKeypair} when none is asked for, so the "
        "compliant state, a node group without remote access, cannot be made"
    ),
    "s3-account-public-access-block": (
        "botocore sends s3control calls to <account id>.<endpoint host>, which does not resolve for a local moto "
        "server (controlbot check has no way to turn the host prefix off), so the control can only ERROR here"
    ),
    "elasticbeanstalk-managed-platform-updates": NO_CONFIGURATION_SETTINGS,
    "elasticbeanstalk-enhanced-health-reporting": NO_CONFIGURATION_SETTINGS,
}


def main(argv: list[str] | None = None) -> int:
    """List the entries each table holds."""
    argparse.ArgumentParser(description=__doc__, epilog="Measure with: python -m benchmarks.behaviour").parse_args(argv)
    for entry_id, fixture in FIXTURES.items():
        print(f"resource  {entry_id}{'  (+ an out-of-scope resource)' if fixture.out_of_scope else ''}")
    for entry_id in ACCOUNT_LEVEL:
        print(f"account   {entry_id}")
    for entry_id, reason in SKIPPED.items():
        print(f"skipped   {entry_id}: {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
