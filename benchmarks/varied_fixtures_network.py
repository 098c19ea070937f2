"""Varied fixtures for networks: ELBv2 load balancers and their listeners, EC2 instances, groups, snapshots."""

from __future__ import annotations

from typing import Any

from benchmarks.varied_moto import REGION, Clients, Fixture, Ids, attribute, bucket, certificate, is_true, network

# ---------------------------------------------------------------- ELBv2


def _balancer(
    clients: Clients, name: str, kind: str = "application", zones: int = 2, attributes: dict[str, str] | None = None
) -> Ids:
    _, subnets = network(clients)
    elb = clients("elbv2")
    made = elb.create_load_balancer(Name=name, Subnets=list(subnets[:zones]), Type=kind)["LoadBalancers"][0]
    if attributes:
        pairs = [{"Key": key, "Value": value} for key, value in attributes.items()]
        elb.modify_load_balancer_attributes(LoadBalancerArn=made["LoadBalancerArn"], Attributes=pairs)
    return [made["LoadBalancerArn"], name]


def _attribute(clients: Clients, ids: Ids, key: str) -> Any:
    pairs = clients("elbv2").describe_load_balancer_attributes(LoadBalancerArn=ids[0])["Attributes"]
    return attribute(pairs, key)


def _listeners(clients: Clients, name: str, kind: str, protocols: list[str]) -> Ids:
    vpc, _ = network(clients)
    ids = _balancer(clients, name, kind=kind)
    elb = clients("elbv2")
    protocol = "TCP" if kind == "network" else "HTTP"
    group = elb.create_target_group(Name=f"{name}-tg"[-32:], Protocol=protocol, Port=443, VpcId=vpc)
    forward = [{"Type": "forward", "TargetGroupArn": group["TargetGroups"][0]["TargetGroupArn"]}]
    for port, listener in enumerate(protocols, start=8440):
        tls = {"Certificates": [{"CertificateArn": certificate(clients)}]} if listener in ("TLS", "HTTPS") else {}
        elb.create_listener(LoadBalancerArn=ids[0], Protocol=listener, Port=port, DefaultActions=forward, **tls)
    return ids


def _protocols(clients: Clients, ids: Ids) -> list[str]:
    return [x["Protocol"] for x in clients("elbv2").describe_listeners(LoadBalancerArn=ids[0])["Listeners"]]


DELETION = "deletion_protection.enabled"
DROP_HEADERS = "routing.http.drop_invalid_header_fields.enabled"
ACCESS_LOGS = "access_logs.s3.enabled"


def _with(key: str, ok: bool) -> dict[str, str]:
    """The attribute key set to "true" or "false"."""
    return {key: str(ok).lower()}


def _logs(clients: Clients, ok: bool) -> dict[str, str]:
    bucket_name = {"access_logs.s3.bucket": bucket(clients)} if ok else {}
    return {**_with(ACCESS_LOGS, ok), **bucket_name}


ELBV2 = {
    "elbv2-load-balancer-deletion-protection": Fixture(
        make=lambda c, name, ok: _balancer(c, name, attributes=_with(DELETION, ok)),
        read=lambda c, ids: _attribute(c, ids, DELETION),
        holds=is_true,
    ),
    "elbv2-alb-nlb-deletion-protection": Fixture(
        make=lambda c, name, ok: _balancer(c, name, attributes=_with(DELETION, ok)),
        read=lambda c, ids: _attribute(c, ids, DELETION),
        holds=is_true,
    ),
    "elbv2-alb-drops-invalid-headers": Fixture(
        make=lambda c, name, ok: _balancer(c, name, attributes=_with(DROP_HEADERS, ok)),
        read=lambda c, ids: _attribute(c, ids, DROP_HEADERS),
        holds=is_true,
        out_of_scope=lambda c, name: _balancer(c, name, kind="network"),
    ),
    "elbv2-load-balancer-access-logs": Fixture(
        make=lambda c, name, ok: _balancer(c, name, attributes=_logs(c, ok)),
        read=lambda c, ids: _attribute(c, ids, ACCESS_LOGS),
        holds=is_true,
    ),
    "elbv2-nlb-listeners-tls-only": Fixture(
        make=lambda c, name, ok: _listeners(c, name, "network", ["TLS"] if ok else ["TLS", "TCP"]),
        read=_protocols,
        holds=lambda protocols: bool(protocols) and set(protocols) == {"TLS"},
        out_of_scope=lambda c, name: _listeners(c, name, "application", ["HTTP"]),
    ),
    "elbv2-load-balancer-multi-az": Fixture(
        make=lambda c, name, ok: _balancer(c, name, kind="network", zones=2 if ok else 1),
        read=lambda c, ids: c("elbv2").describe_load_balancers(LoadBalancerArns=[ids[0]])["LoadBalancers"][0][
            "AvailabilityZones"
        ],
        holds=lambda zones: len(zones) >= 2,
    ),
}

# ---------------------------------------------------------------- EC2


def _image(clients: Clients) -> str:
    return str(clients("ec2").describe_images(Owners=["amazon"])["Images"][0]["ImageId"])


def _instance(clients: Clients, name: str, public: bool) -> Ids:
    _, subnets = network(clients)
    interface = {"DeviceIndex": 0, "SubnetId": subnets[0], "AssociatePublicIpAddress": public}
    tags = [{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": name}]}]
    made = clients("ec2").run_instances(
        ImageId=_image(clients), MinCount=1, MaxCount=1, NetworkInterfaces=[interface], TagSpecifications=tags
    )
    return [made["Instances"][0]["InstanceId"], name]


def _default_group(clients: Clients, name: str, closed: bool) -> Ids:
    ec2 = clients("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.77.0.0/16")["Vpc"]["VpcId"]
    filters = [{"Name": "vpc-id", "Values": [vpc]}, {"Name": "group-name", "Values": ["default"]}]
    group = ec2.describe_security_groups(Filters=filters)["SecurityGroups"][0]
    if closed:
        if group["IpPermissions"]:
            ec2.revoke_security_group_ingress(GroupId=group["GroupId"], IpPermissions=group["IpPermissions"])
        if group["IpPermissionsEgress"]:
            ec2.revoke_security_group_egress(GroupId=group["GroupId"], IpPermissions=group["IpPermissionsEgress"])
    return [group["GroupId"], vpc]


def _open_group(clients: Clients, name: str) -> Ids:
    """A group that is not a default group and allows HTTPS in: the requirement does not concern it."""
    vpc, _ = network(clients)
    ec2 = clients("ec2")
    group = ec2.create_security_group(GroupName=name, Description="varied bench", VpcId=vpc)["GroupId"]
    rule = {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
    ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[rule])
    return [group, name]


def _group_rules(clients: Clients, ids: Ids) -> Any:
    group = clients("ec2").describe_security_groups(GroupIds=[ids[0]])["SecurityGroups"][0]
    return group["IpPermissions"] + group["IpPermissionsEgress"]


def _snapshot(clients: Clients, name: str, public: bool) -> Ids:
    ec2 = clients("ec2")
    volume = ec2.create_volume(Size=1, AvailabilityZone=f"{REGION}a")["VolumeId"]
    snapshot = ec2.create_snapshot(VolumeId=volume, Description=name)["SnapshotId"]
    if public:
        ec2.modify_snapshot_attribute(
            SnapshotId=snapshot, Attribute="createVolumePermission", OperationType="add", GroupNames=["all"]
        )
    return [snapshot]


EC2 = {
    "ec2-instance-without-public-ip": Fixture(
        make=lambda c, name, ok: _instance(c, name, public=not ok),
        read=lambda c, ids: (
            c("ec2").describe_instances(InstanceIds=[ids[0]])["Reservations"][0]["Instances"][0].get("PublicIpAddress")
        ),
        holds=lambda address: address is None,
    ),
    "ec2-running-instance-no-public-address": Fixture(
        make=lambda c, name, ok: _instance(c, name, public=not ok),
        read=lambda c, ids: (
            c("ec2").describe_instances(InstanceIds=[ids[0]])["Reservations"][0]["Instances"][0].get("PublicIpAddress")
        ),
        holds=lambda address: address is None,
    ),
    "ec2-default-security-group-closed": Fixture(
        make=lambda c, name, ok: _default_group(c, name, closed=ok),
        read=_group_rules,
        holds=lambda rules: rules == [],
        out_of_scope=_open_group,
    ),
    "ec2-ebs-snapshot-not-public": Fixture(
        make=lambda c, name, ok: _snapshot(c, name, public=not ok),
        read=lambda c, ids: c("ec2").describe_snapshot_attribute(SnapshotId=ids[0], Attribute="createVolumePermission")[
            "CreateVolumePermissions"
        ],
        holds=lambda permissions: all(p.get("Group") != "all" for p in permissions),
    ),
}
