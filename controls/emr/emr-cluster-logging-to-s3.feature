# controlbot: request-sha256=e16dde34ca5703962fd6bc72f3fc66ab3209b494505483caaf484566bb9f2ad5 provider=offline model=- prompt=bcd93ad4 review=edited
@control:emr-cluster-logging-to-s3 @service:emr @severity:medium @category:logging @maps:NIST-800-53:AU-9 @maps:NIST-800-53:AU-12
Feature: Active EMR clusters archive their logs to S3
  Every EMR cluster that is starting, bootstrapping, running or waiting must archive its log files to an S3 location (a log URI must be set).

  Background:
    Given the resources listed by "emr.ListClusters" at "Clusters" identified by "Id"
    And each resource is enriched by "emr.DescribeCluster" with "ClusterId" from "Id"

  Scenario: logs are archived to S3
    When only resources where "Status.State" is one of ["STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING"]
    Then "DescribeCluster.Cluster.LogUri" must match "^s3n?://"
