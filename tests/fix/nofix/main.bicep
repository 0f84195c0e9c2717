param webTls string = '1.1'

resource api 'Microsoft.Web/sites@2022-09-01' = {
  name: 'api'
  properties: {
    siteConfig: {
      minTlsVersion: webTls
    }
  }
}

resource db 'Microsoft.DBforMySQL/servers@2017-12-01' = {
  name: 'db'
  properties: {
    minimalTlsVersion: 'TLSEnforcementDisabled'
  }
}
