"""The CloudFormation template of one stage's real-time endpoint, as a plain dict (no CDK).

Resources: an execution role for the model, the SageMaker Model built from the approved model package, an
EndpointConfig from `config/<stage>.json`, and the Endpoint. ARNs use `${AWS::Partition}`. Names fit SageMaker's
63-character limit (see naming.py). The template has no CDK bootstrap parameter or rule, so the target account
needs no CDK bootstrap version to deploy it.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

import naming
from stage_config import StageConfig

TEMPLATE_VERSION = "2010-09-09"


def _sub(text: str) -> Dict[str, str]:
    return {"Fn::Sub": text}


def tags(project_name: str, project_id: str, stage: str) -> List[Dict[str, str]]:
    return [
        {"Key": "sagemaker:project-name", "Value": project_name},
        {"Key": "sagemaker:project-id", "Value": project_id},
        {"Key": "sagemaker:deployment-stage", "Value": stage},
    ]


def _s3_object_arn(uri_or_bucket: str) -> Dict[str, str]:
    path = uri_or_bucket[len("s3://"):] if uri_or_bucket.startswith("s3://") else uri_or_bucket
    return _sub(f"arn:${{AWS::Partition}}:s3:::{path.rstrip('/')}/*")


def role_policy(artifact_bucket: str, kms_key_arn: Optional[str], config: StageConfig,
                containers: Optional[List[Dict[str, Any]]] = None) -> Dict[str, Any]:
    """What the endpoint's containers need: the model artifacts (and their key), images, logs, metrics, capture.
    With regional `containers` (a stage in another region than the registry): exactly their copies of the model data,
    decrypted through S3 with the staging bucket's key."""
    copies = [c["ModelDataUrl"][len("s3://"):] for c in containers or [] if c.get("ModelDataUrl", "").startswith("s3://")]
    statements: List[Dict[str, Any]] = [
        {"Sid": "ReadModelArtifacts", "Effect": "Allow", "Action": ["s3:GetObject"],
         "Resource": [_s3_object_arn(artifact_bucket)] + [_sub(f"arn:${{AWS::Partition}}:s3:::{path}") for path in copies]},
        {"Sid": "PullImages", "Effect": "Allow",
         "Action": ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
         "Resource": [_sub("arn:${AWS::Partition}:ecr:${AWS::Region}:*:repository/*")]},
        {"Sid": "EcrLogin", "Effect": "Allow", "Action": ["ecr:GetAuthorizationToken"], "Resource": ["*"]},
        {"Sid": "WriteLogs", "Effect": "Allow",
         "Action": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
         "Resource": [_sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/sagemaker/*")]},
        {"Sid": "PutMetrics", "Effect": "Allow", "Action": ["cloudwatch:PutMetricData"], "Resource": ["*"]},
    ]
    if kms_key_arn:
        statements.insert(1, {"Sid": "DecryptModelArtifacts", "Effect": "Allow",
                              "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": [kms_key_arn]})
    if copies:
        statements.insert(1, {"Sid": "DecryptModelDataCopies", "Effect": "Allow", "Action": ["kms:Decrypt"],
                              "Resource": [_sub("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*")],
                              "Condition": {"StringEquals": {"kms:ViaService": _sub("s3.${AWS::Region}.amazonaws.com")}}})
    capture = config.data_capture
    if capture is not None and capture.enabled and capture.destination_s3_uri:
        statements.append({"Sid": "WriteCapturedData", "Effect": "Allow", "Action": ["s3:PutObject"],
                           "Resource": [_s3_object_arn(capture.destination_s3_uri)]})
    return {"Version": "2012-10-17", "Statement": statements}


def _data_capture(config: StageConfig) -> Optional[Dict[str, Any]]:
    capture = config.data_capture
    if capture is None or not capture.enabled:
        return None
    return {
        "EnableCapture": True,
        "InitialSamplingPercentage": capture.sampling_percentage,
        "DestinationS3Uri": capture.destination_s3_uri,
        "CaptureOptions": [{"CaptureMode": "Input"}, {"CaptureMode": "Output"}],
        "CaptureContentTypeHeader": {"CsvContentTypes": ["text/csv"]},
    }


def build_template(*, model_package_arn: str, config: StageConfig, project_name: str, project_id: str, stage: str,
                   artifact_bucket: str, kms_key_arn: Optional[str] = None,
                   containers: Optional[List[Dict[str, Any]]] = None) -> Dict[str, Any]:
    """The stage's endpoint stack.

    - model_package_arn: the approved package (in the DEV account's registry) to serve.
    - artifact_bucket / kms_key_arn: where the package's model data lives and the key encrypting it; the model's
      role may read exactly that.
    - containers: for a stage in another region than the registry, the package's containers as that region serves
      them (see regional.py); the model is built from them instead of the package.
    """
    resource_tags = tags(project_name, project_id, stage)
    role = {
        "Type": "AWS::IAM::Role",
        "Properties": {
            "Description": f"Runs the {project_name} {stage} endpoint's model",
            "AssumeRolePolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"},
                               "Action": "sts:AssumeRole"}],
            },
            "Policies": [{"PolicyName": "model-execution",
                          "PolicyDocument": role_policy(artifact_bucket, kms_key_arn, config, containers)}],
            "Tags": resource_tags,
        },
    }

    model_properties: Dict[str, Any] = {
        "ExecutionRoleArn": {"Fn::GetAtt": ["ModelExecutionRole", "Arn"]},
        "Tags": resource_tags,
    }
    if not containers:
        model_properties["PrimaryContainer"] = {"ModelPackageName": model_package_arn}
    elif len(containers) == 1:
        model_properties["PrimaryContainer"] = dict(containers[0])
    else:
        model_properties["Containers"] = [dict(container) for container in containers]
        model_properties["InferenceExecutionConfig"] = {"Mode": "Serial"}
    # Names hash their own resource's settings: identical inputs keep the names (no change in CloudFormation),
    # any change gives a fresh name, as a replaced SageMaker resource needs.
    model = naming.model_name(project_name, project_id, stage, model_properties)
    model_properties = dict(model_properties, ModelName=model)

    variant = {
        "ModelName": {"Fn::GetAtt": ["Model", "ModelName"]},
        "VariantName": config.variant_name,
        "InitialInstanceCount": config.initial_instance_count,
        "InstanceType": config.instance_type,
        "InitialVariantWeight": 1.0,
    }
    config_properties: Dict[str, Any] = {"ProductionVariants": [variant], "Tags": resource_tags}
    capture = _data_capture(config)
    if capture is not None:
        config_properties["DataCaptureConfig"] = capture
    config_name = naming.endpoint_config_name(project_name, project_id, stage, {"model": model, **config_properties})
    config_properties = dict(config_properties, EndpointConfigName=config_name)

    endpoint = naming.endpoint_name(project_name, project_id, stage)
    return {
        "AWSTemplateFormatVersion": TEMPLATE_VERSION,
        "Description": f"{project_name} real-time endpoint ({stage})",
        "Metadata": {
            "ModelPackageArn": model_package_arn,
            "Stage": stage,
            "StageConfig": config.to_json(),
        },
        "Resources": {
            "ModelExecutionRole": role,
            "Model": {"Type": "AWS::SageMaker::Model", "Properties": model_properties},
            "EndpointConfig": {"Type": "AWS::SageMaker::EndpointConfig", "Properties": config_properties},
            "Endpoint": {
                "Type": "AWS::SageMaker::Endpoint",
                "Properties": {
                    "EndpointName": endpoint,
                    "EndpointConfigName": {"Fn::GetAtt": ["EndpointConfig", "EndpointConfigName"]},
                    "Tags": resource_tags,
                },
            },
        },
        "Outputs": {
            "EndpointName": {"Description": "Name clients invoke", "Value": {"Fn::GetAtt": ["Endpoint", "EndpointName"]}},
            "ModelName": {"Value": {"Fn::GetAtt": ["Model", "ModelName"]}},
            "EndpointConfigName": {"Value": {"Fn::GetAtt": ["EndpointConfig", "EndpointConfigName"]}},
            "ModelPackageArn": {"Value": model_package_arn},
        },
    }
