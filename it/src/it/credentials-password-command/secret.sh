# stands in for: aws secretsmanager get-secret-value --secret-id plccoach-db-password --query SecretString --output text
printf '%s\n' 'cmd-Secret-8'
