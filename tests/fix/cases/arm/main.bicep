// Storage and a web app for the payments platform.
param legacyPartners bool = false

resource logs 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'logs'
  properties: {
    minimumTlsVersion: 'TLS1_1'
  }
}

resource api 'Microsoft.Web/sites@2022-09-01' = {
  name: 'api'
  properties: {
    siteConfig: {
      minTlsVersion: legacyPartners ? '1.0' : '1.2'
    }
  }
}

resource cache 'Microsoft.Cache/redis@2023-04-01' = {
  name: 'cache'
  properties: {
    minimumTlsVersion: '1.0'
  }
}
