// Placeholder until the first real file of Deployer lands.
import Foundation
