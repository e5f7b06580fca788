@description('n')
param n int = 2
var s = 'a${n}b${'c${n}'}'
var m = '''
multi
'''
var o = { a: [1, 2], 'b c': true, ...{ d: null } }
var x = o.a[0] + -n * (3 % 2) ?? 1
var y = n > 1 && !(n == 2) ? o.?a : o['b c']!
var f = map(range(0, n), i => { i: i })
type t = { a: string?, *: int } | 'lit'
func g(a int) int => a * 2
resource r 'Microsoft.ContainerRegistry/registries@2023-07-01' = [for i in range(0, n): if (i > 0) {
  name: 'r${i}'
  location: resourceGroup().location
  sku: { name: 'Premium' }
  properties: { encryption: { status: 'enabled' } }
}]
output z string = r[0].properties.loginServer
